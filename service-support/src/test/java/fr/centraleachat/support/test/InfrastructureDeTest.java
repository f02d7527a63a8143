package fr.centraleachat.support.test;

import fr.centraleachat.infra.EmbeddedKafkaBroker;
import fr.centraleachat.infra.EmbeddedMongo;
import fr.centraleachat.infra.EmbeddedSmtp;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft), one mongo-java-server and, on demand, one SMTP server per test JVM, shared by every
 * integration test and stopped when the JVM exits. Use from {@code @DynamicPropertySource}:
 * {@code InfrastructureDeTest.brancher(registry, "adhesion")}, and {@code brancherCourriel(registry)} for a service
 * under test that sends mail (its relay then runs; read what arrived with {@code smtp().courrielsPour(adresse)}).
 */
public final class InfrastructureDeTest {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongo mongo;
    private static EmbeddedSmtp smtp;

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

    public static synchronized EmbeddedSmtp smtp() {
        if (smtp == null) {
            smtp = EmbeddedSmtp.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::close));
        }
        return smtp;
    }

    /**
     * Points the context's mail at the shared SMTP server, which turns the service's mail relay on. Mails of every
     * test class go to the same server: tell them apart by recipient.
     */
    public static void brancherCourriel(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> smtp().host());
        registry.add("spring.mail.port", () -> smtp().port());
    }

    /** Points the Spring context at the shared broker and store, with a database of its own. */
    public static void brancher(DynamicPropertyRegistry registry, String baseDeDonnees) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> mongo().connectionString(baseDeDonnees));
    }
}
