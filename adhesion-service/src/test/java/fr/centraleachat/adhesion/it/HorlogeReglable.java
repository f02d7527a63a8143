package fr.centraleachat.adhesion.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets, moved forward to reach effective dates. */
public final class HorlogeReglable extends Clock {

    private final AtomicReference<Instant> maintenant;

    public HorlogeReglable(Instant depart) {
        this.maintenant = new AtomicReference<>(depart);
    }

    public void regler(Instant instant) {
        maintenant.set(instant);
    }

    @Override
    public Instant instant() {
        return maintenant.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
