package fr.centraleachat.catalogue.tarif.persistence;

import fr.centraleachat.catalogue.tarif.application.ContratsPourTarifs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Declares {@link ContratsMongo} unless the application has another {@link ContratsPourTarifs}: a component
 * implementing it (the catalogue's contracts) replaces this default without any change here.
 */
@Configuration(proxyBeanMethods = false)
class ContratsParDefaut {

    @Bean
    @ConditionalOnMissingBean(ContratsPourTarifs.class)
    ContratsPourTarifs contratsPourTarifs(MongoTemplate mongo) {
        return new ContratsMongo(mongo);
    }
}
