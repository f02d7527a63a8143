package fr.centraleachat.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller, node id 1),
 * running inside the current JVM. Usable without Spring, e.g. from integration tests:
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startEphemeral()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * The log directory is formatted only when it holds no {@code meta.properties}, so topics and
 * records survive a restart on the same directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Node id of the single combined broker/controller. */
    public static final int NODE_ID = 1;

    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String advertisedHost;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDir, String advertisedHost, int port,
                                int controllerPort, boolean deleteOnClose) {
        this.server = server;
        this.logDir = logDir;
        this.advertisedHost = advertisedHost;
        this.port = port;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker whose data persists in {@code logDir}, listening on 127.0.0.1:{@code port} (0 = any free port). */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        return builder().logDir(logDir).port(port).start();
    }

    /** Starts a throw-away broker on free ports in a temporary directory deleted by {@link #close()}. */
    public static EmbeddedKafkaBroker startEphemeral() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port} to use as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return advertisedHost + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    /** Creates the topics (replication factor 1) if they do not exist yet. */
    public void createTopics(int partitions, String... topics) {
        List<NewTopic> newTopics = Arrays.stream(topics)
                .map(name -> new NewTopic(name, partitions, (short) 1))
                .toList();
        try (Admin admin = Admin.create(adminConfig(bootstrapServers(), 10_000))) {
            for (var entry : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics " + Arrays.toString(topics), e);
        }
    }

    /** Stops the broker and the controller; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long start = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            log.info("Kafka broker on port {} stopped in {} ms", port, (System.nanoTime() - start) / 1_000_000);
            if (deleteOnClose) {
                FileUtils.deleteRecursively(logDir);
            }
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers, int timeoutMs) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        return config;
    }

    /** Configures and starts an {@link EmbeddedKafkaBroker}. */
    public static final class Builder {

        private Path logDir;
        private String host = "127.0.0.1";
        private String advertisedHost;
        private int port;
        private int controllerPort;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Log directory (data and metadata); a temporary one, deleted on close, when not set. */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        /** Bind address of both listeners; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Host announced to clients; defaults to the bind host (localhost when binding 0.0.0.0). */
        public Builder advertisedHost(String advertisedHost) {
            this.advertisedHost = advertisedHost;
            return this;
        }

        /** PLAINTEXT client port; 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** CONTROLLER (KRaft) port; 0 (default) picks a free port. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Any extra broker property, applied last. */
        public Builder property(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafkaBroker start() {
            long start = System.nanoTime();
            boolean ephemeral = logDir == null;
            Path dir;
            try {
                dir = ephemeral ? Files.createTempDirectory("embedded-kafka-") : logDir.toAbsolutePath();
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create Kafka log directory", e);
            }
            int clientPort = port > 0 ? port : FreePorts.find(host);
            int quorumPort = controllerPort > 0 ? controllerPort : FreePorts.find(host);
            String announced = advertisedHost != null ? advertisedHost
                    : ("0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host);
            String quorumHost = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;

            Properties props = brokerProperties(dir, host, clientPort, quorumPort, announced, quorumHost);
            props.putAll(overrides);
            KafkaConfig config = KafkaConfig.fromProps(props, false);

            KafkaRaftServer server = null;
            try {
                formatIfNeeded(dir);
                server = new KafkaRaftServer(config, Time.SYSTEM);
                // Blocks until the broker is unfenced, i.e. able to serve clients.
                server.startup();
                EmbeddedKafkaBroker broker =
                        new EmbeddedKafkaBroker(server, dir, announced, clientPort, quorumPort, ephemeral);
                log.info("Kafka broker ready on {} (controller port {}, log dir {}) in {} ms",
                        broker.bootstrapServers(), quorumPort, dir, (System.nanoTime() - start) / 1_000_000);
                return broker;
            } catch (RuntimeException e) {
                if (server != null) {
                    try {
                        server.shutdown();
                        server.awaitShutdown();
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                if (ephemeral) {
                    FileUtils.deleteRecursively(dir);
                }
                throw e;
            }
        }

        private static Properties brokerProperties(Path dir, String bindHost, int clientPort, int quorumPort,
                                                   String announced, String quorumHost) {
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", String.valueOf(NODE_ID));
            // Static quorum: ports may change between restarts without re-formatting.
            p.put("controller.quorum.voters", NODE_ID + "@" + quorumHost + ":" + quorumPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listeners", "PLAINTEXT://" + bindHost + ":" + clientPort
                    + ",CONTROLLER://" + bindHost + ":" + quorumPort);
            p.put("advertised.listeners", "PLAINTEXT://" + announced + ":" + clientPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("log.dirs", dir.toString());
            p.put("metadata.log.dir", dir.toString());
            // Single node: internal topics cannot have more than one replica.
            p.put("offsets.topic.replication.factor", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("min.insync.replicas", "1");
            p.put("default.replication.factor", "1");
            // Few partitions for internal topics: faster first consumer join, fewer files.
            p.put("offsets.topic.num.partitions", "5");
            p.put("transaction.state.log.num.partitions", "5");
            p.put("share.coordinator.state.topic.num.partitions", "5");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
            p.put("num.partitions", "1");
            // Sized for a small dev machine; the cleaner's default 128 MiB buffer dominated the heap.
            p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
            p.put("log.cleaner.threads", "1");
            p.put("num.network.threads", "2");
            p.put("num.io.threads", "4");
            p.put("background.threads", "4");
            p.put("num.recovery.threads.per.data.dir", "1");
            p.put("num.replica.fetchers", "1");
            p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
            return p;
        }
    }

    private static void formatIfNeeded(Path dir) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toString())
                    .setDirectories(List.of(dir.toString()))
                    .run();
            log.info("Formatted new Kafka storage in {}", dir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dir, e);
        }
    }
}
