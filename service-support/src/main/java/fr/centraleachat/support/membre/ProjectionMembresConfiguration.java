package fr.centraleachat.support.membre;

import fr.centraleachat.support.messaging.EvenementsAppliques;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member projection a service keeps from the adhésion events: its store ({@code membres}), the projection and
 * the topic's listener. A service that needs to know the members imports it.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionMembresConfiguration {

    @Bean
    Membres membres(MongoTemplate mongo, EvenementsAppliques evenementsAppliques) {
        return new MembresMongo(mongo, evenementsAppliques);
    }

    @Bean
    ProjectionMembres projectionMembres(Membres membres) {
        return new ProjectionMembres(membres);
    }

    @Bean
    EcouteurAdhesions ecouteurAdhesions(ProjectionMembres projection, JsonMapper json) {
        return new EcouteurAdhesions(projection, json);
    }
}
