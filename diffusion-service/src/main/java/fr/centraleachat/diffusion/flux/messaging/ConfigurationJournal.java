package fr.centraleachat.diffusion.flux.messaging;

import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The journal reads in batches, with the same consumers, retries and dead-letter topic as every listener. */
@Configuration
class ConfigurationJournal {

    static final String FABRIQUE_PAR_LOTS = "fabriqueJournalParLots";

    @Bean(FABRIQUE_PAR_LOTS)
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> fabriqueJournalParLots(
            ConcurrentKafkaListenerContainerFactory<String, CloudEvent> kafkaListenerContainerFactory,
            DefaultErrorHandler gestionnaireErreursKafka) {
        var fabrique = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        fabrique.setConsumerFactory(kafkaListenerContainerFactory.getConsumerFactory());
        fabrique.setCommonErrorHandler(gestionnaireErreursKafka);
        fabrique.setBatchListener(true);
        return fabrique;
    }
}
