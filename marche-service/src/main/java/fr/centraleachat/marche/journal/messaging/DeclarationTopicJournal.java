package fr.centraleachat.marche.journal.messaging;

import fr.centraleachat.contracts.Topic;
import fr.centraleachat.marche.journal.application.ActionEffectueeV1;
import fr.centraleachat.support.messaging.MessagingProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the journal topic at start-up like the public ones (same partitions, same replication): it is
 * marche-service's own, so only this service declares it.
 */
@Configuration(proxyBeanMethods = false)
class DeclarationTopicJournal {

    @Bean
    NewTopic topicJournal(MessagingProperties proprietes) {
        return TopicBuilder.name(ActionEffectueeV1.TOPIC).partitions(Topic.PARTITIONS)
                .replicas(proprietes.facteurReplication()).build();
    }
}
