package fr.centraleachat.infra.app;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Pings the Mongo server over the network, as a service would see it. */
class MongoHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 2_000;

    private final String connectionString;

    private volatile MongoClient client;

    MongoHealthIndicator(String connectionString) {
        super("Mongo health check failed");
        this.connectionString = connectionString;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = client().getDatabase("admin").runCommand(new Document("ping", 1));
        // No connection string in the details: health output is readable by anyone who reaches the port.
        builder.up().withDetail("ok", reply.get("ok"));
    }

    private MongoClient client() {
        MongoClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = MongoClients.create(MongoClientSettings.builder()
                            .applyConnectionString(new ConnectionString(connectionString))
                            .applyToClusterSettings(c -> c.serverSelectionTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                            .applyToSocketSettings(s -> s.connectTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                                    .readTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS))
                            .applicationName("embedded-infra-health")
                            .build());
                    client = current;
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        MongoClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
