package fr.centraleachat.diffusion.flux.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltreFluxTest {

    private static final String NOTIFIE = "fr.centraleachat.marche.MarcheNotifie.v1";

    @Test
    void keepsTheTypesAndTheSubjectAsked() {
        FiltreFlux filtre = FiltreFlux.de(List.of(NOTIFIE), "c-1");
        assertThat(filtre.accepte(new EvenementJournalise(1, "e1", NOTIFIE, "c-1", "{}"))).isTrue();
        assertThat(filtre.accepte(new EvenementJournalise(2, "e2", NOTIFIE, "c-2", "{}"))).isFalse();
        assertThat(filtre.accepte(new EvenementJournalise(3, "e3", "fr.centraleachat.marche.LotAttribue.v1", "c-1",
                "{}"))).isFalse();
        assertThat(FiltreFlux.TOUT.accepte(new EvenementJournalise(4, "e4", "x", null, "{}"))).isTrue();
    }

    @Test
    void refusesUnboundedOrMalformedFilters() {
        assertThatThrownBy(() -> FiltreFlux.de(Collections.nCopies(21, NOTIFIE).stream()
                .map(t -> t + Math.random()).toList(), null)).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> FiltreFlux.de(List.of("a b"), null)).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> FiltreFlux.de(List.of("t".repeat(201)), null))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> FiltreFlux.de(null, " ")).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> FiltreFlux.de(null, "a\u0000b")).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void namesTheSameFilterTheSameWayWhateverTheOrderOfTypes() {
        assertThat(FiltreFlux.de(List.of("b", "a"), null).empreinte())
                .isEqualTo(FiltreFlux.de(List.of("a", "b"), null).empreinte());
    }
}
