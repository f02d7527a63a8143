package fr.centraleachat.support.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets or moves forward. {@link #withZone} keeps the zone asked for and shares the instant, so code
 * computing "today in Paris" gets the Paris date even when UTC is already, or still, on another day.
 */
public final class HorlogeReglable extends Clock {

    private final AtomicReference<Instant> maintenant;
    private final ZoneId zone;

    public HorlogeReglable(Instant depart) {
        this(new AtomicReference<>(Objects.requireNonNull(depart)), ZoneOffset.UTC);
    }

    private HorlogeReglable(AtomicReference<Instant> maintenant, ZoneId zone) {
        this.maintenant = maintenant;
        this.zone = zone;
    }

    public void regler(Instant instant) {
        maintenant.set(Objects.requireNonNull(instant));
    }

    public void avancer(Duration duree) {
        maintenant.updateAndGet(i -> i.plus(duree));
    }

    @Override
    public Instant instant() {
        return maintenant.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId autre) {
        return autre.equals(zone) ? this : new HorlogeReglable(maintenant, autre);
    }
}
