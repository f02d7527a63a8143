package fr.centraleachat.marche.analyse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DelaiDeSuspensionTest {

    private static final Instant ENVOI = Instant.parse("2027-03-20T16:00:00Z");

    @Test
    void runsElevenDaysAfterElectronicRejectionsInParisTimeAcrossTheClockChange() {
        // 2027-03-28 is the switch to summer time: 17:00 in Paris stays 17:00, so 15:00 UTC after it.
        assertThat(DelaiDeSuspension.fin(ENVOI, true, Procedure.APPEL_OFFRES_OUVERT, 3, false))
                .contains(Instant.parse("2027-03-31T15:00:00Z"));
    }

    @Test
    void runsSixteenDaysWhenTheRejectionsWereNotElectronic() {
        assertThat(DelaiDeSuspension.fin(ENVOI, false, Procedure.APPEL_OFFRES_OUVERT, 3, false))
                .contains(Instant.parse("2027-04-05T15:00:00Z"));
    }

    @Test
    void doesNotApplyToAMapaASingleBidderOrAMarcheSubsequent() {
        assertThat(DelaiDeSuspension.fin(ENVOI, true, Procedure.MAPA, 3, false)).isEmpty();
        assertThat(DelaiDeSuspension.fin(ENVOI, true, Procedure.APPEL_OFFRES_OUVERT, 1, false)).isEmpty();
        assertThat(DelaiDeSuspension.fin(ENVOI, true, Procedure.APPEL_OFFRES_OUVERT, 3, true)).isEmpty();
    }
}
