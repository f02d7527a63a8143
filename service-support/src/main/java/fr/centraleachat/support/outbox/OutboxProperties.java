package fr.centraleachat.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections the MongoDB collections whose documents carry an {@code outbox} field
 * @param intervalle how often the relay looks for pending messages
 * @param intervalleMaxEnEchec the longest wait between attempts while the broker is unreachable
 * @param lot how many documents one pass handles per collection
 */
@ConfigurationProperties(prefix = "centrale.outbox")
public record OutboxProperties(List<String> collections, Duration intervalle, Duration intervalleMaxEnEchec,
        Integer lot, Duration delaiEnvoi) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        intervalle = intervalle == null ? Duration.ofMillis(200) : intervalle;
        intervalleMaxEnEchec = intervalleMaxEnEchec == null ? Duration.ofSeconds(5) : intervalleMaxEnEchec;
        lot = lot == null ? 100 : lot;
        delaiEnvoi = delaiEnvoi == null ? Duration.ofSeconds(10) : delaiEnvoi;
    }
}
