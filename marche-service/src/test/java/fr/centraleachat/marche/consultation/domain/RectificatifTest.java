package fr.centraleachat.marche.consultation.domain;

import static fr.centraleachat.marche.consultation.domain.Exemples.DLRO;
import static fr.centraleachat.marche.consultation.domain.Exemples.PUBLICATION;
import static fr.centraleachat.marche.consultation.domain.Exemples.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RectificatifTest {

    private static final DelaisReglementaires DELAIS = new DelaisReglementaires();
    /** Three weeks after publication, three weeks before the DLRO. */
    private static final Instant RECTIFICATIF = paris("2026-05-25T09:00");

    /** 300 000 € of supplies: an open tender, 30 days at least between publication (or rectificatif) and DLRO. */
    private static Consultation appelDOffresPublie() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(),
                Exemples.contenu(Nature.FOURNITURES, DLRO, 200_000, 100_000), Exemples.ACHETEUR);
        consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), DELAIS);
        consultation.effacerEvenements();
        return consultation;
    }

    @Test
    void recordsASubstantialRectificatifThatLeavesTheLegalMinimumAgain() {
        Consultation consultation = appelDOffresPublie();
        Instant nouvelleDlro = paris("2026-06-29T12:00");

        Rectificatif rectificatif = consultation.rectifier("r-1", "  Quantités du lot 2 revues  ", nouvelleDlro, null,
                true, RECTIFICATIF, DELAIS);

        assertThat(rectificatif.numero()).isEqualTo(1);
        assertThat(rectificatif.raison()).isEqualTo("Quantités du lot 2 revues");
        assertThat(rectificatif.dlroPrecedente()).isEqualTo(DLRO);
        assertThat(rectificatif.aReporteLaDlro()).isTrue();
        assertThat(consultation.dlro()).isEqualTo(nouvelleDlro);
        assertThat(consultation.statut()).isEqualTo(StatutConsultation.PUBLIEE);
        assertThat(consultation.dernierRectificatifSubstantiel()).contains(RECTIFICATIF);
        assertThat(consultation.evenementsEnAttente()).containsExactly(
                new ConsultationRectifiee(consultation.id(), rectificatif));
    }

    @Test
    void refusesASubstantialRectificatifThatKeepsADlroTooCloseAndNamesTheEarliestLawfulOne() {
        Consultation consultation = appelDOffresPublie();

        assertThatThrownBy(() -> consultation.rectifier("r-1", "Lot 2 redécoupé", null, null, true, RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(RegleMetierException.class, e -> assertThat(e.champ()).isEqualTo("nouvelleDlro"))
                .hasMessageContaining("après le rectificatif du 25/05/2026")
                .hasMessageContaining("au plus tôt le 24/06/2026");
        assertThatThrownBy(() -> consultation.rectifier("r-1", "Lot 2 redécoupé", paris("2026-06-22T12:00"), null,
                true, RECTIFICATIF, DELAIS)).hasMessageContaining("au plus tôt le 24/06/2026");

        assertThat(consultation.rectificatifs()).isEmpty();
        assertThat(consultation.dlro()).isEqualTo(DLRO);
        assertThat(consultation.evenementsEnAttente()).isEmpty();
    }

    @Test
    void pushesNothingWithoutASubstantialRectificatif() {
        Consultation consultation = appelDOffresPublie();
        // Six days before a DLRO that a substantial change could not keep: a typo fix keeps it as it is.
        Instant tardif = paris("2026-06-09T09:00");

        Rectificatif rectificatif = consultation.rectifier("r-1", "Coquille dans le CCAP", null, null, false, tardif,
                DELAIS);

        assertThat(rectificatif.substantiel()).isFalse();
        assertThat(rectificatif.aReporteLaDlro()).isFalse();
        assertThat(consultation.dlro()).isEqualTo(DLRO);
        assertThat(consultation.dernierRectificatifSubstantiel()).isEmpty();
    }

    @Test
    void onlyPushesTheDlroBackAndToAWorkingDay() {
        Consultation consultation = appelDOffresPublie();

        assertThatThrownBy(() -> consultation.rectifier("r-1", "Avancer", paris("2026-06-12T12:00"), null, false,
                RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(RegleMetierException.class, e -> assertThat(e.champ()).isEqualTo("nouvelleDlro"))
                .hasMessageContaining("ne peut que la reporter");
        // 14 July 2026, Fête nationale.
        assertThatThrownBy(() -> consultation.rectifier("r-1", "Report", paris("2026-07-14T12:00"), null, false,
                RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(RegleMetierException.class, e -> assertThat(e.champ()).isEqualTo("nouvelleDlro"))
                .hasMessageContaining("jour ouvré");
    }

    @Test
    void requiresAReason() {
        Consultation consultation = appelDOffresPublie();

        assertThatThrownBy(() -> consultation.rectifier("r-1", "  ", null, null, false, RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(ValeurInvalideException.class, e -> assertThat(e.champ()).isEqualTo("raison"));
        assertThatThrownBy(() -> consultation.rectifier("r-1", "x".repeat(2001), null, null, false, RECTIFICATIF,
                DELAIS)).isInstanceOf(ValeurInvalideException.class).hasMessageContaining("2000");
    }

    @Test
    void rectifiesOnlyAPublishedConsultationBeforeItsDlro() {
        Consultation brouillon = Exemples.brouillon();
        assertThatThrownBy(() -> brouillon.rectifier("r-1", "Raison", null, null, false, RECTIFICATIF, DELAIS))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("BROUILLON");

        Consultation publiee = appelDOffresPublie();
        assertThatThrownBy(() -> publiee.rectifier("r-1", "Raison", null, null, false, DLRO, DELAIS))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("est passée");

        publiee.cloturer(DLRO.plusSeconds(1));
        assertThatThrownBy(() -> publiee.rectifier("r-1", "Raison", null, null, false, DLRO.plusSeconds(2), DELAIS))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("CLOTUREE");
    }

    @Test
    void keepsRectificatifsInOrderAndRemembersTheLastSubstantialOne() {
        Consultation consultation = appelDOffresPublie();
        consultation.rectifier("r-1", "Quantités revues", paris("2026-06-29T12:00"), null, true, RECTIFICATIF, DELAIS);
        Instant plusTard = paris("2026-05-27T09:00");
        consultation.rectifier("r-2", "Coquille", null, null, false, plusTard, DELAIS);

        assertThat(consultation.rectificatifs()).extracting(Rectificatif::numero, Rectificatif::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "r-1"), org.assertj.core.groups.Tuple.tuple(2, "r-2"));
        assertThat(consultation.dernierRectificatifSubstantiel()).contains(RECTIFICATIF);
    }

    @Test
    void setsAQuestionDeadlineWhereThereWasNoneButNeverBringsOneForward() {
        Consultation consultation = appelDOffresPublie();
        Instant questions = paris("2026-06-05T12:00");

        consultation.rectifier("r-1", "Date limite des questions", null, questions, false, RECTIFICATIF, DELAIS);
        assertThat(consultation.contenu().finDesQuestions()).isEqualTo(questions);

        assertThatThrownBy(() -> consultation.rectifier("r-2", "Avancer", null, paris("2026-06-01T12:00"), false,
                RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(RegleMetierException.class,
                        e -> assertThat(e.champ()).isEqualTo("dateLimiteQuestions"));
        assertThatThrownBy(() -> consultation.rectifier("r-2", "Après la DLRO", null, paris("2026-06-16T12:00"), false,
                RECTIFICATIF, DELAIS))
                .isInstanceOfSatisfying(RegleMetierException.class,
                        e -> assertThat(e.champ()).isEqualTo("dateLimiteQuestions"));
    }
}
