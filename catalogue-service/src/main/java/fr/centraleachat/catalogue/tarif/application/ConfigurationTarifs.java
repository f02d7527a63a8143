package fr.centraleachat.catalogue.tarif.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Price lists' settings, and the periodic removal of abandoned versions. */
@Configuration
@EnableConfigurationProperties(ProprietesTarifs.class)
@EnableScheduling
class ConfigurationTarifs {
}
