package fr.centraleachat.marche.courrier.messaging;

import fr.centraleachat.contracts.Topic;
import fr.centraleachat.marche.analyse.application.LettresDeRejetEnvoyeesV1;
import fr.centraleachat.support.messaging.MessagingProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Declares the service's private mail topic at start-up, like the journal's: nobody else produces or reads it. */
@Configuration(proxyBeanMethods = false)
class DeclarationTopicCourriers {

    @Bean
    NewTopic topicCourriers(MessagingProperties proprietes) {
        return TopicBuilder.name(LettresDeRejetEnvoyeesV1.TOPIC).partitions(Topic.PARTITIONS)
                .replicas(proprietes.facteurReplication()).build();
    }
}
