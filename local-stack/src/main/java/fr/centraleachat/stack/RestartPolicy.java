package fr.centraleachat.stack;

import java.time.Duration;
import java.util.Objects;

/**
 * How the launcher heals a child that exits on its own: restart it (same port, same data dir) after a back-off
 * that doubles with each recent restart, and give up once {@code maxRestarts} happened within {@code window}:
 * a process that cannot stay up would otherwise loop forever and hide its error.
 *
 * @param maxRestarts  restarts allowed within {@code window}; 0 disables restarting
 * @param window       how far back restarts count
 * @param firstBackoff delay before the first restart
 * @param maxBackoff   ceiling of the doubling delay
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration firstBackoff, Duration maxBackoff) {

    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative");
        }
        Objects.requireNonNull(window);
        Objects.requireNonNull(firstBackoff);
        Objects.requireNonNull(maxBackoff);
    }

    /** 5 restarts within 3 minutes, back-off 1 s, 2 s, 4 s… up to 30 s. */
    public static RestartPolicy defaults() {
        return new RestartPolicy(5, Duration.ofMinutes(3), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** No restart: a child that exits stays down. */
    public static RestartPolicy never() {
        return new RestartPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** Delay before the next restart, given how many happened within the window; null means give up. */
    Duration backoff(int recentRestarts) {
        if (recentRestarts >= maxRestarts) {
            return null;
        }
        long millis = firstBackoff.toMillis() << Math.min(recentRestarts, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
