package fr.centraleachat.marche.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets, so that publication dates and DLRO checks do not depend on today's date. */
public final class HorlogeReglable extends Clock {

    /** The clock of the integration tests: set at {@link ScenarioConsultations#PUBLICATION}, a Tuesday. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @org.springframework.context.annotation.Bean
        HorlogeReglable horlogeReglable() {
            return new HorlogeReglable(ScenarioConsultations.PUBLICATION);
        }
    }

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
