package fr.centraleachat.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HorlogeReglableTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void givesTheParisDateWhenUtcIsStillOnThePreviousDay() {
        HorlogeReglable horloge = new HorlogeReglable(Instant.parse("2026-12-03T23:07:00Z"));

        assertThat(LocalDate.now(horloge)).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(LocalDate.now(horloge.withZone(PARIS))).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void zonedViewsFollowTheClockWhenItIsSetOrMoved() {
        HorlogeReglable horloge = new HorlogeReglable(Instant.parse("2027-01-15T10:00:00Z"));
        var paris = horloge.withZone(PARIS);

        horloge.regler(Instant.parse("2027-03-01T22:30:00Z"));
        assertThat(paris.instant()).isEqualTo(Instant.parse("2027-03-01T22:30:00Z"));

        horloge.avancer(Duration.ofHours(2));
        assertThat(paris.instant()).isEqualTo(Instant.parse("2027-03-02T00:30:00Z"));
        assertThat(LocalDate.now(paris)).isEqualTo(LocalDate.parse("2027-03-02"));
    }
}
