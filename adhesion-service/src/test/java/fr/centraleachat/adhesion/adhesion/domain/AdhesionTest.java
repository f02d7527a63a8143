package fr.centraleachat.adhesion.adhesion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdhesionTest {

    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 24);
    private static final Siren TALANT = new Siren("212106173");

    private static Adhesion demandee() {
        return Adhesion.demander(AdhesionId.nouveau(), TALANT,
                Set.of(FamilleAchat.INFORMATIQUE_TELECOMS, FamilleAchat.FOURNITURES_ADMINISTRATIVES),
                Missions.PASSATION_ET_EXECUTION, AUJOURDHUI);
    }

    private static Adhesion active() {
        Adhesion adhesion = demandee();
        adhesion.enregistrerDeliberation(new Deliberation("2026-DEL-042", LocalDate.of(2026, 10, 15)), AUJOURDHUI);
        adhesion.activer(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 15), AUJOURDHUI);
        return adhesion;
    }

    @Test
    void requestStartsDemandeeAndRecordsIt() {
        Adhesion adhesion = demandee();

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.DEMANDEE);
        assertThat(adhesion.estEnCours()).isTrue();
        assertThat(adhesion.evenementsEnAttente()).singleElement().isInstanceOf(AdhesionDemandee.class);
    }

    @Test
    void rejectsRequestWithoutPurchasingFamily() {
        assertThatThrownBy(() -> Adhesion.demander(AdhesionId.nouveau(), TALANT, Set.of(), Missions.PASSATION, AUJOURDHUI))
                .isInstanceOf(ValeurInvalideException.class)
                .extracting(e -> ((ValeurInvalideException) e).champ()).isEqualTo("famillesAchat");
    }

    @Test
    void deliberationMovesToDelibereeAndActivationToActive() {
        Adhesion adhesion = active();

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
        assertThat(adhesion.deliberation()).contains(new Deliberation("2026-DEL-042", LocalDate.of(2026, 10, 15)));
        assertThat(adhesion.dateEffet()).contains(LocalDate.of(2026, 11, 15));
        assertThat(adhesion.evenementsEnAttente()).last().isEqualTo(
                new AdhesionActivee(adhesion.id(), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 15)));
    }

    @Test
    void refusesActivatingARequestWithoutDeliberation() {
        Adhesion adhesion = demandee();

        assertThatThrownBy(() -> adhesion.activer(AUJOURDHUI, AUJOURDHUI, AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class)
                .extracting(e -> ((TransitionInterditeException) e).etatActuel()).isEqualTo("DEMANDEE");
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.DEMANDEE);
    }

    @Test
    void refusesDeliberationDatedInTheFuture() {
        Adhesion adhesion = demandee();

        assertThatThrownBy(() -> adhesion.enregistrerDeliberation(new Deliberation("D-1", AUJOURDHUI.plusDays(1)),
                AUJOURDHUI)).isInstanceOf(RegleMetierException.class).hasMessageContaining("futur");
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.DEMANDEE);
    }

    @Test
    void refusesConventionSignedBeforeDeliberation() {
        Adhesion adhesion = demandee();
        adhesion.enregistrerDeliberation(new Deliberation("D-1", LocalDate.of(2026, 10, 15)), AUJOURDHUI);

        assertThatThrownBy(() -> adhesion.activer(LocalDate.of(2026, 10, 14), LocalDate.of(2026, 11, 1), AUJOURDHUI))
                .isInstanceOf(RegleMetierException.class)
                .extracting(e -> ((RegleMetierException) e).champ()).isEqualTo("dateSignatureConvention");
    }

    @Test
    void refusesEffectiveDateBeforeSignature() {
        Adhesion adhesion = demandee();
        adhesion.enregistrerDeliberation(new Deliberation("D-1", LocalDate.of(2026, 10, 15)), AUJOURDHUI);

        assertThatThrownBy(() -> adhesion.activer(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1), AUJOURDHUI))
                .isInstanceOf(RegleMetierException.class)
                .extracting(e -> ((RegleMetierException) e).champ()).isEqualTo("dateEffet");
    }

    @Test
    void suspendsAndResumesRecordingBothFacts() {
        Adhesion adhesion = active();

        adhesion.suspendre(new Motif("Convention en cours de renégociation"), AUJOURDHUI);
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.SUSPENDUE);
        assertThat(adhesion.etat().motifSuspension()).isEqualTo(new Motif("Convention en cours de renégociation"));

        adhesion.reprendre(AUJOURDHUI);
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
        assertThat(adhesion.etat().motifSuspension()).isNull();
        assertThat(adhesion.evenementsEnAttente()).last().isEqualTo(new AdhesionReprise(adhesion.id(), AUJOURDHUI));
    }

    @Test
    void refusesResumingAnAdhesionThatIsNotSuspended() {
        assertThatThrownBy(() -> active().reprendre(AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class);
    }

    @Test
    void terminatesFromSuspendedAndIsNoLongerInProgress() {
        Adhesion adhesion = active();
        adhesion.suspendre(new Motif("Impayés"), AUJOURDHUI);

        adhesion.resilier(LocalDate.of(2026, 12, 31), new Motif("Départ de la centrale"));

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.RESILIEE);
        assertThat(adhesion.estEnCours()).isFalse();
        assertThat(adhesion.evenementsEnAttente()).last().isInstanceOf(AdhesionResiliee.class);
    }

    @Test
    void refusesTerminationEffectiveBeforeTheAdhesion() {
        Adhesion adhesion = active();

        assertThatThrownBy(() -> adhesion.resilier(LocalDate.of(2026, 11, 14), new Motif("Erreur")))
                .isInstanceOf(RegleMetierException.class);
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
    }

    @Test
    void refusesAnyStepOnceTerminated() {
        Adhesion adhesion = active();
        adhesion.resilier(LocalDate.of(2026, 12, 31), new Motif("Départ"));

        assertThatThrownBy(() -> adhesion.suspendre(new Motif("x"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("RESILIEE");
        assertThatThrownBy(() -> adhesion.resilier(LocalDate.of(2027, 1, 1), new Motif("x")))
                .isInstanceOf(TransitionInterditeException.class);
    }

    @Test
    void rejectsBlankMotifAndBlankDeliberationNumber() {
        assertThatThrownBy(() -> new Motif("  ")).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new Deliberation("", AUJOURDHUI)).isInstanceOf(ValeurInvalideException.class)
                .extracting(e -> ((ValeurInvalideException) e).champ()).isEqualTo("numero");
    }

    @Test
    void reconstitutedAdhesionKeepsItsStateAndRecordsNothing() {
        Adhesion adhesion = active();

        Adhesion relue = Adhesion.reconstituer(adhesion.etat());

        assertThat(relue.etat()).isEqualTo(adhesion.etat());
        assertThat(relue.evenementsEnAttente()).isEmpty();
    }
}
