package fr.centraleachat.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topicRebut the dead-letter topic of this service's consumers
 * @param tentatives how many times a failing message is retried before it goes to the dead-letter topic
 * @param premierDelai first back-off delay, doubled at each retry
 * @param facteurReplication replication factor of the topics this service declares (1 on a single broker)
 */
@ConfigurationProperties(prefix = "centrale.messaging")
public record MessagingProperties(String topicRebut, Integer tentatives, Duration premierDelai,
        Short facteurReplication) {

    public MessagingProperties {
        tentatives = tentatives == null ? 3 : tentatives;
        premierDelai = premierDelai == null ? Duration.ofMillis(200) : premierDelai;
        facteurReplication = facteurReplication == null ? 1 : facteurReplication;
    }
}
