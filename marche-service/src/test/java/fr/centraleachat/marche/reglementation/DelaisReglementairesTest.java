package fr.centraleachat.marche.reglementation;

import fr.centraleachat.kernel.RegleMetierException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static fr.centraleachat.marche.reglementation.DelaiReduit.AVIS_PREALABLE;
import static fr.centraleachat.marche.reglementation.DelaiReduit.NONE;
import static fr.centraleachat.marche.reglementation.DelaiReduit.URGENCE;
import static fr.centraleachat.marche.reglementation.Procedure.APPEL_OFFRES_OUVERT;
import static fr.centraleachat.marche.reglementation.Procedure.DISPENSE;
import static fr.centraleachat.marche.reglementation.Procedure.MAPA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelaisReglementairesTest {

    private static final DelaisReglementaires DELAIS = new DelaisReglementaires();
    /** A Sunday: publication itself needs no working day. */
    private static final Instant PUBLICATION = paris("2026-12-13T10:00");

    static Instant paris(String dateHeure) {
        return LocalDateTime.parse(dateHeure).atZone(HeureDeParis.FUSEAU).toInstant();
    }

    @Test
    void garde_visibles_les_minimums_legaux() {
        assertThat(DelaisReglementaires.DELAI_MINIMAL_APPEL_OFFRES_OUVERT).isEqualTo(35);
        assertThat(DelaisReglementaires.DELAI_MINIMAL_APPEL_OFFRES_OUVERT_ELECTRONIQUE).isEqualTo(30);
        assertThat(DelaisReglementaires.DELAI_MINIMAL_REDUIT).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} / {1} → {2} jours")
    @CsvSource({
            "APPEL_OFFRES_OUVERT, NONE,           30",
            "APPEL_OFFRES_OUVERT, AVIS_PREALABLE, 15",
            "APPEL_OFFRES_OUVERT, URGENCE,        15",
            "MAPA,                NONE,           0",
            "MAPA,                URGENCE,        0",
            "DISPENSE,            NONE,           0",
    })
    void applique_le_minimum_de_chaque_procedure(Procedure procedure, DelaiReduit reduit, int minimum) {
        assertThat(DELAIS.delaiMinimalEnJours(procedure, reduit)).isEqualTo(minimum);
    }

    @Test
    void accepte_un_appel_d_offres_a_30_jours_pile() {
        ControleDlro controle = DELAIS.verifier(APPEL_OFFRES_OUVERT, PUBLICATION, paris("2027-01-12T00:01"), NONE);

        assertThat(controle.delaiEnJours()).isEqualTo(30);
        assertThat(controle.delaiMinimalEnJours()).isEqualTo(30);
        assertThat(controle.sansAvertissement()).isTrue();
    }

    @Test
    void refuse_un_appel_d_offres_a_29_jours_en_donnant_la_premiere_date_possible() {
        assertThatThrownBy(() -> DELAIS.verifier(APPEL_OFFRES_OUVERT, PUBLICATION, paris("2027-01-11T23:59"), NONE))
                .isInstanceOf(RegleMetierException.class)
                .hasFieldOrPropertyWithValue("champ", "dlro")
                .hasMessage("La date limite de remise des offres (11/01/2027) ne laisse que 29 jours après la publication"
                        + " du 13/12/2026, en deçà du minimum légal de 30 jours pour un appel d'offres ouvert"
                        + " (35 jours, ramenés à 30 jours pour une remise électronique des offres)"
                        + " : elle doit être fixée au plus tôt le 12/01/2027.");
    }

    @ParameterizedTest
    @EnumSource(value = DelaiReduit.class, names = {"AVIS_PREALABLE", "URGENCE"})
    void ramene_l_appel_d_offres_a_15_jours_avec_avis_prealable_ou_urgence(DelaiReduit reduit) {
        assertThat(DELAIS.verifier(APPEL_OFFRES_OUVERT, PUBLICATION, paris("2026-12-28T12:00"), reduit).delaiEnJours())
                .isEqualTo(15);
        // 14 days falls on a Sunday: the earliest date given is the next working day
        assertThatThrownBy(() -> DELAIS.verifier(APPEL_OFFRES_OUVERT, PUBLICATION, paris("2026-12-24T12:00"), reduit))
                .isInstanceOf(RegleMetierException.class)
                .hasMessageContaining("minimum légal de 15 jours")
                .hasMessageContaining(reduit == AVIS_PREALABLE ? "avis de préinformation" : "urgence")
                .hasMessageContaining("au plus tôt le 28/12/2026");
    }

    @Test
    void avertit_pour_un_mapa_de_moins_de_15_jours_sans_le_refuser() {
        ControleDlro court = DELAIS.verifier(MAPA, paris("2027-01-04T09:00"), paris("2027-01-14T12:00"), NONE);
        ControleDlro raisonnable = DELAIS.verifier(MAPA, paris("2027-01-04T09:00"), paris("2027-01-19T12:00"), NONE);

        assertThat(court.delaiEnJours()).isEqualTo(10);
        assertThat(court.delaiMinimalEnJours()).isZero();
        assertThat(court.avertissements()).containsExactly("Le délai de remise des offres n'est que de 10 jours :"
                + " pour une procédure adaptée, un délai inférieur à 15 jours risque de ne pas être jugé raisonnable.");
        assertThat(raisonnable.delaiEnJours()).isEqualTo(15);
        assertThat(raisonnable.sansAvertissement()).isTrue();
    }

    @Test
    void n_impose_aucun_delai_en_dispense() {
        ControleDlro controle = DELAIS.verifier(DISPENSE, paris("2027-01-04T09:00"), paris("2027-01-04T17:00"), NONE);

        assertThat(controle.delaiEnJours()).isZero();
        assertThat(controle.sansAvertissement()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Procedure.class)
    void refuse_une_dlro_anterieure_ou_egale_a_la_publication(Procedure procedure) {
        Instant publication = paris("2027-01-04T09:00");
        assertThatThrownBy(() -> DELAIS.verifier(procedure, publication, paris("2027-01-04T08:59"), NONE))
                .isInstanceOf(RegleMetierException.class)
                .hasMessage("La date limite de remise des offres (04/01/2027 à 08h59) doit être postérieure à la"
                        + " publication (04/01/2027 à 09h00).");
        assertThatThrownBy(() -> DELAIS.verifier(procedure, publication, publication, NONE))
                .isInstanceOf(RegleMetierException.class);
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource({
            "2027-01-17T12:00, un dimanche,                      18/01/2027",
            "2027-01-16T12:00, un samedi,                        18/01/2027",
            "2026-12-25T12:00, un jour férié (Noël),             28/12/2026",
            "2027-07-14T12:00, un jour férié (Fête Nationale),   15/07/2027",
            "2027-03-29T12:00, un jour férié (Lundi de Pâques),  30/03/2027",
    })
    void refuse_une_dlro_qui_n_est_pas_un_jour_ouvre(String dlro, String motif, String suggestion) {
        assertThatThrownBy(() -> DELAIS.verifier(MAPA, paris("2026-12-01T09:00"), paris(dlro), NONE))
                .isInstanceOf(RegleMetierException.class)
                .hasFieldOrPropertyWithValue("champ", "dlro")
                .hasMessageContaining("tombe " + motif + " : elle doit être fixée un jour ouvré, par exemple le " + suggestion);
    }

    @ParameterizedTest(name = "publication {0} → {1}")
    @CsvSource({
            "2026-12-13T10:00, 2027-01-12", // 30 days is a Tuesday
            "2027-06-14T10:00, 2027-07-15", // 30 days is 14 July
            "2027-02-27T10:00, 2027-03-30", // 30 days is Easter Monday 2027
            "2026-11-25T10:00, 2026-12-28", // 30 days is Christmas (Friday), then a weekend
            "2027-01-01T10:00, 2027-02-01", // 30 days is a Sunday
    })
    void decale_la_premiere_dlro_possible_au_jour_ouvre_suivant(String publication, LocalDate attendue) {
        assertThat(DELAIS.premiereDlroPossible(APPEL_OFFRES_OUVERT, paris(publication), NONE)).isEqualTo(attendue);
    }

    @Test
    void premiere_dlro_possible_sans_minimum_est_le_jour_ouvre_de_publication() {
        assertThat(DELAIS.premiereDlroPossible(MAPA, paris("2027-01-04T09:00"), URGENCE)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(DELAIS.premiereDlroPossible(DISPENSE, paris("2027-01-02T09:00"), NONE)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void compte_les_jours_a_paris_au_passage_a_l_heure_d_ete() {
        // 23:30 UTC on 28 March 2026 is already 29 March in Paris (00:30 CET, just before the switch to CEST)
        Instant publication = Instant.parse("2026-03-28T23:30:00Z");
        assertThat(HeureDeParis.date(publication)).isEqualTo(LocalDate.of(2026, 3, 29));
        assertThat(DELAIS.premiereDlroPossible(APPEL_OFFRES_OUVERT, publication, NONE)).isEqualTo(LocalDate.of(2026, 4, 28));

        // 22:30 UTC on 27 April is 00:30 on 28 April in Paris (CEST): 30 days, accepted
        assertThat(DELAIS.verifier(APPEL_OFFRES_OUVERT, publication, Instant.parse("2026-04-27T22:30:00Z"), NONE)
                .delaiEnJours()).isEqualTo(30);
        // 21:30 UTC on 27 April is still 27 April in Paris: 29 days, refused
        assertThatThrownBy(() -> DELAIS.verifier(APPEL_OFFRES_OUVERT, publication, Instant.parse("2026-04-27T21:30:00Z"), NONE))
                .isInstanceOf(RegleMetierException.class)
                .hasMessageContaining("(27/04/2026) ne laisse que 29 jours après la publication du 29/03/2026")
                .hasMessageContaining("au plus tôt le 28/04/2026");
    }

    @Test
    void compte_les_jours_a_paris_au_passage_a_l_heure_d_hiver() {
        // 22:30 UTC on 24 October 2026 is 00:30 on 25 October in Paris (CEST)
        Instant publication = Instant.parse("2026-10-24T22:30:00Z");
        assertThat(DELAIS.premiereDlroPossible(APPEL_OFFRES_OUVERT, publication, NONE)).isEqualTo(LocalDate.of(2026, 11, 24));
        // 23:30 UTC on 23 November is 00:30 on 24 November in Paris (CET)
        assertThat(DELAIS.verifier(APPEL_OFFRES_OUVERT, publication, Instant.parse("2026-11-23T23:30:00Z"), NONE)
                .delaiEnJours()).isEqualTo(30);
    }
}
