package fr.centraleachat.support.operations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Kafka is up when the cluster answers a describe request within a short timeout. Part of readiness. */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration DELAI = Duration.ofSeconds(3);

    private final AdminClient admin;

    public KafkaHealthIndicator(Map<String, Object> configAdmin) {
        super("Kafka health check failed");
        var config = new java.util.HashMap<>(configAdmin);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DELAI.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DELAI.toMillis());
        this.admin = AdminClient.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) DELAI.toMillis()));
        String clusterId = cluster.clusterId().get(DELAI.toMillis(), TimeUnit.MILLISECONDS);
        int noeuds = cluster.nodes().get(DELAI.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", noeuds);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
