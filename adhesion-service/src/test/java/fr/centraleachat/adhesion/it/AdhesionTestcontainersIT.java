package fr.centraleachat.adhesion.it;

import fr.centraleachat.support.test.ConteneursDeTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same scenario against a real MongoDB and a real Kafka, where Docker is available; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class AdhesionTestcontainersIT extends ScenarioAdhesion {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ConteneursDeTest.brancher(registry, "adhesion");
    }

    @Override
    protected String bootstrapServers() {
        return ConteneursDeTest.bootstrapServers();
    }
}
