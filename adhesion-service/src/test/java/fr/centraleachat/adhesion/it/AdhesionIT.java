package fr.centraleachat.adhesion.it;

import fr.centraleachat.support.test.InfrastructureDeTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenario against the embedded Kafka broker and mongo-java-server. */
class AdhesionIT extends ScenarioAdhesion {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "adhesion-it");
    }

    @Override
    protected String bootstrapServers() {
        return InfrastructureDeTest.kafka().bootstrapServers();
    }
}
