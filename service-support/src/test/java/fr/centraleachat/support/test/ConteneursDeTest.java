package fr.centraleachat.support.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A real MongoDB (single-node replica set) and a real Kafka broker in containers, started once per JVM on first
 * use, for the {@code *TestcontainersIT} variants of the integration tests. Those classes carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so this is only reached where a Docker engine runs.
 * The images are the ones of docker-compose.yml.
 */
public final class ConteneursDeTest {

    public static final String IMAGE_MONGO = "mongo:8.0";
    public static final String IMAGE_KAFKA = "apache/kafka:4.1.0";

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private ConteneursDeTest() {
    }

    /** Points Spring at the containers; call from {@code @DynamicPropertySource}. */
    public static void brancher(DynamicPropertyRegistry registry, String base) {
        demarrer();
        registry.add("spring.mongodb.uri", () -> mongo.getReplicaSetUrl(base));
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
    }

    public static String bootstrapServers() {
        demarrer();
        return kafka.getBootstrapServers();
    }

    // Stopped by the Testcontainers reaper when the JVM exits.
    private static synchronized void demarrer() {
        if (mongo == null) {
            mongo = new MongoDBContainer(IMAGE_MONGO);
            kafka = new KafkaContainer(IMAGE_KAFKA);
            mongo.start();
            kafka.start();
        }
    }
}
