package fr.centraleachat.infra.app;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code centrale.infra.*}: where data lives and which ports the embedded servers use.
 * Environment variables work through relaxed binding, e.g. {@code CENTRALE_DATA_DIR}
 * (shared with the services, resolved in embedded-infra.yml) and {@code CENTRALE_INFRA_KAFKA_PORT}.
 */
@ConfigurationProperties("centrale.infra")
public class InfraProperties {

    /**
     * Root of the persisted state: {@code kafka/} holds the broker logs, {@code mongo/centrale.mv} the database,
     * {@code courriels/} one {@code .eml} file per mail received.
     */
    private Path dataDir = Path.of("./data");

    private final Kafka kafka = new Kafka();

    private final Mongo mongo = new Mongo();

    private final Smtp smtp = new Smtp();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Kafka getKafka() {
        return kafka;
    }

    public Mongo getMongo() {
        return mongo;
    }

    public Smtp getSmtp() {
        return smtp;
    }

    public static class Kafka {

        /** Bind address of the PLAINTEXT and CONTROLLER listeners. */
        private String host = "127.0.0.1";

        /** Host announced to clients; defaults to the bind host. */
        private String advertisedHost;

        private int port = 9092;

        private int controllerPort = 9093;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public String getAdvertisedHost() {
            return advertisedHost;
        }

        public void setAdvertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public int getControllerPort() {
            return controllerPort;
        }

        public void setControllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
        }
    }

    /** A server the infrastructure runs, by its bind address and port. */
    public static class Serveur {

        private String host = "127.0.0.1";

        private int port;

        Serveur(int portParDefaut) {
            this.port = portParDefaut;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }
    }

    public static class Mongo extends Serveur {

        Mongo() {
            super(27017);
        }
    }

    /** The SMTP server catching the services' mails ({@code CENTRALE_INFRA_SMTP_PORT}); they go to {@code courriels/}. */
    public static class Smtp extends Serveur {

        Smtp() {
            super(3025);
        }
    }
}
