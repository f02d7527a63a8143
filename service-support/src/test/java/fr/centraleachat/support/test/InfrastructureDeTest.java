package fr.centraleachat.support.test;

import fr.centraleachat.infra.EmbeddedKafkaBroker;
import fr.centraleachat.infra.EmbeddedMongo;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft) and one mongo-java-server per test JVM, shared by every integration test and
 * stopped when the JVM exits. Use from {@code @DynamicPropertySource}:
 * {@code InfrastructureDeTest.brancher(registry, "adhesion")}.
 */
public final class InfrastructureDeTest {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongo mongo;

    private InfrastructureDeTest() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongo.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo;
    }

    /** Points the Spring context at the shared broker and store, with a database of its own. */
    public static void brancher(DynamicPropertyRegistry registry, String baseDeDonnees) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> mongo().connectionString(baseDeDonnees));
    }
}
