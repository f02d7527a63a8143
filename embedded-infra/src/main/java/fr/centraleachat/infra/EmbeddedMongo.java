package fr.centraleachat.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) running inside the current JVM, with the oplog
 * enabled so change streams work. Either in memory (tests) or persisted in an H2 MVStore file.
 *
 * <pre>{@code
 * try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
 *     MongoClients.create(mongo.connectionString("adhesion"));
 * }
 * }</pre>
 *
 * {@link #close()} must be called for the file backend to flush its last writes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final String host;
    private final int port;
    private final Path file;
    private boolean closed;

    private EmbeddedMongo(MongoServer server, String host, int port, Path file) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.file = file;
    }

    /** In-memory server on a free loopback port; data is gone after {@link #close()}. */
    public static EmbeddedMongo inMemory() {
        return builder().start();
    }

    /** Server persisting to the H2 file {@code file}, on 127.0.0.1:{@code port} (0 = any free port). */
    public static EmbeddedMongo file(Path file, int port) {
        return builder().file(file).port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code mongodb://host:port}. */
    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    /** {@code mongodb://host:port/database}, the form expected by {@code spring.mongodb.uri}. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The H2 file, or {@code null} for the in-memory backend. */
    public Path file() {
        return file;
    }

    /** Disconnects clients, stops listening and closes the backend (commits the H2 store); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("Mongo server on port {} stopped", port);
    }

    /** Configures and starts an {@link EmbeddedMongo}. */
    public static final class Builder {

        private Path file;
        private String host = "127.0.0.1";
        private int port;
        private boolean oplog = true;

        private Builder() {
        }

        /** H2 MVStore file to persist to; in memory when not set. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** Bind address; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Oplog (needed by change streams); enabled by default. */
        public Builder oplog(boolean oplog) {
            this.oplog = oplog;
            return this;
        }

        public EmbeddedMongo start() {
            MongoBackend backend = file == null ? new MemoryBackend() : openH2(file.toAbsolutePath());
            MongoServer server = new MongoServer(backend);
            try {
                if (oplog) {
                    server.enableOplog();
                }
                int actualPort;
                if (port > 0) {
                    server.bind(host, port);
                    actualPort = port;
                } else {
                    server.bind(host, 0);
                    actualPort = server.getLocalAddress().getPort();
                }
                String clientHost = "0.0.0.0".equals(host) ? "localhost" : host;
                log.info("Mongo server ready on {}:{} ({})", clientHost, actualPort,
                        file == null ? "in memory" : "H2 file " + file.toAbsolutePath());
                return new EmbeddedMongo(server, clientHost, actualPort, file == null ? null : file.toAbsolutePath());
            } catch (RuntimeException e) {
                server.shutdownNow();
                throw e;
            }
        }

        private static MongoBackend openH2(Path file) {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create directory for " + file, e);
            }
            return new H2Backend(file.toString());
        }
    }
}
