package fr.centraleachat.diffusion.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AbonnementTest {

    private static final Instant T0 = Instant.parse("2027-01-15T10:00:00Z");

    private static Abonnement abonnement() {
        return Abonnement.creer("a1", "systeme-externe", UrlWebhook.de("https://si.example.fr/hook"),
                Set.of("fr.centraleachat.marche.MarcheNotifie.v1"), "secret", 5, T0);
    }

    @Test
    void retriesWithAGrowingDelayThenParksAfterTooManyFailures() {
        Abonnement a = abonnement();
        a.echouer("HTTP 500", T0, 4);
        assertThat(a.prochaineTentative()).isEqualTo(T0.plusSeconds(1));
        assertThat(a.estDu(T0)).isFalse();
        assertThat(a.estDu(T0.plusSeconds(1))).isTrue();
        a.echouer("HTTP 500", T0, 4);
        assertThat(a.prochaineTentative()).isEqualTo(T0.plusSeconds(2));
        a.echouer("HTTP 500", T0, 4);
        assertThat(a.prochaineTentative()).isEqualTo(T0.plusSeconds(4));
        a.echouer("connection refused", T0, 4);
        assertThat(a.statut()).isEqualTo(StatutAbonnement.SUSPENDU);
        assertThat(a.estDu(T0.plus(Duration.ofDays(1)))).isFalse();
        assertThat(a.derniereErreur()).isEqualTo("connection refused");
        assertThat(a.position()).isEqualTo(5);
    }

    @Test
    void capsTheDelayAtFiveMinutes() {
        assertThat(Abonnement.delai(30)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Abonnement.delai(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void aSuccessMovesOnAndForgetsTheFailures() {
        Abonnement a = abonnement();
        a.echouer("HTTP 503", T0, 10);
        a.avancer(6, true, T0.plusSeconds(1));
        assertThat(a.position()).isEqualTo(6);
        assertThat(a.echecsConsecutifs()).isZero();
        assertThat(a.prochaineTentative()).isNull();
        assertThat(a.livres()).isEqualTo(1);
        assertThatThrownBy(() -> a.avancer(5, true, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resumesAParkedSubscriptionWhereItStoppedOrReplaysFromACursor() {
        Abonnement a = abonnement();
        assertThatThrownBy(() -> a.reprendre(null)).isInstanceOf(TransitionInterditeException.class);
        for (int i = 0; i < 3; i++) {
            a.echouer("HTTP 500", T0, 3);
        }
        a.reprendre(null);
        assertThat(a.statut()).isEqualTo(StatutAbonnement.ACTIF);
        assertThat(a.position()).isEqualTo(5);
        a.reprendre(1L);
        assertThat(a.position()).isEqualTo(1);
        assertThat(a.estDu(T0)).isTrue();
    }

    @Test
    void refusesAddressesThatAreNotAbsoluteHttp() {
        for (String faux : new String[] {"ftp://x.fr/a", "/relatif", "https://user:pw@x.fr/", "https://x.fr/#f",
                "pas une url", "https://" + "x".repeat(2000) + ".fr"}) {
            assertThatThrownBy(() -> UrlWebhook.de(faux)).as(faux).isInstanceOf(ValeurInvalideException.class);
        }
        assertThat(UrlWebhook.de("http://localhost:8085/hook").valeur().getPort()).isEqualTo(8085);
    }
}
