package fr.centraleachat.catalogue.it;

import fr.centraleachat.support.test.InfrastructureDeTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The scenario against the embedded Kafka broker and mongo-java-server. */
class CatalogueIT extends ScenarioCatalogue {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "catalogue");
    }

    @Override
    String bootstrapServers() {
        return InfrastructureDeTest.kafka().bootstrapServers();
    }
}
