package fr.centraleachat.catalogue.recherche.application;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The search's settings; and the scheduler of its periodic verification. */
@Configuration
@EnableConfigurationProperties(ProprietesRecherche.class)
@EnableScheduling
class ConfigurationRecherche {
}
