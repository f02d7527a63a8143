package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.FamilleAchat;
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
                .hasMessage("Impossible d'activer l'adhésion : l'état actuel est DEMANDEE.")
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

        adhesion.resilier(AUJOURDHUI, new Motif("Départ de la centrale"), AUJOURDHUI);

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.RESILIEE);
        assertThat(adhesion.estEnCours()).isFalse();
        assertThat(adhesion.changementPrevu()).isEmpty();
        assertThat(adhesion.evenementsEnAttente()).last()
                .isEqualTo(new AdhesionResiliee(adhesion.id(), AUJOURDHUI, new Motif("Départ de la centrale")));
    }

    @Test
    void activationEffectiveLaterStaysDelibereeUntilItsDate() {
        Adhesion adhesion = demandee();
        adhesion.enregistrerDeliberation(new Deliberation("2026-DEL-042", LocalDate.of(2026, 10, 15)), AUJOURDHUI);

        adhesion.activer(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 1), AUJOURDHUI);

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.DELIBEREE);
        assertThat(adhesion.dateEffet()).contains(LocalDate.of(2027, 1, 1));
        assertThat(adhesion.changementPrevu())
                .contains(new ChangementPrevu(ChangementPrevu.Type.ACTIVATION, LocalDate.of(2027, 1, 1), null));
        assertThat(adhesion.evenementsEnAttente()).noneMatch(AdhesionActivee.class::isInstance)
                .last().isInstanceOf(ActivationPlanifiee.class);
        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.DELIBEREE);
    }

    @Test
    void plannedActivationAppliesOnItsDateOnce() {
        Adhesion adhesion = demandee();
        adhesion.enregistrerDeliberation(new Deliberation("2026-DEL-042", LocalDate.of(2026, 10, 15)), AUJOURDHUI);
        adhesion.activer(LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 1), AUJOURDHUI);

        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 1, 1))).isTrue();

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
        assertThat(adhesion.changementPrevu()).isEmpty();
        assertThat(adhesion.evenementsEnAttente()).last().isEqualTo(
                new AdhesionActivee(adhesion.id(), LocalDate.of(2026, 11, 2), LocalDate.of(2027, 1, 1)));
        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(adhesion.evenementsEnAttente()).filteredOn(AdhesionActivee.class::isInstance).hasSize(1);
    }

    @Test
    void plannedChangeMissedWhileDownAppliesLaterWithItsOwnDate() {
        Adhesion adhesion = active();
        adhesion.resilier(LocalDate.of(2027, 6, 30), new Motif("Départ"), AUJOURDHUI);

        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 7, 3))).isTrue();

        assertThat(adhesion.etat().dateResiliation()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(adhesion.evenementsEnAttente()).last()
                .isEqualTo(new AdhesionResiliee(adhesion.id(), LocalDate.of(2027, 6, 30), new Motif("Départ")));
    }

    @Test
    void terminationDatedAheadKeepsTheAdhesionActiveAndInProgressUntilItsDate() {
        Adhesion adhesion = active();

        adhesion.resilier(LocalDate.of(2027, 6, 30), new Motif("Départ de la centrale"), AUJOURDHUI);

        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
        assertThat(adhesion.estEnCours()).isTrue();
        assertThat(adhesion.etat().dateResiliation()).isNull();
        assertThat(adhesion.changementPrevu()).contains(new ChangementPrevu(ChangementPrevu.Type.RESILIATION,
                LocalDate.of(2027, 6, 30), new Motif("Départ de la centrale")));
        assertThat(adhesion.evenementsEnAttente()).noneMatch(AdhesionResiliee.class::isInstance);

        // Still active meanwhile: it may be suspended and resumed.
        adhesion.suspendre(new Motif("Impayés"), AUJOURDHUI);
        adhesion.reprendre(AUJOURDHUI);
        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 6, 29))).isFalse();

        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.RESILIEE);
        assertThat(adhesion.estEnCours()).isFalse();
        assertThat(adhesion.etat().dateResiliation()).isEqualTo(LocalDate.of(2027, 6, 30));
    }

    @Test
    void aNewTerminationDateReplacesThePlannedOne() {
        Adhesion adhesion = active();
        adhesion.resilier(LocalDate.of(2027, 6, 30), new Motif("Départ"), AUJOURDHUI);

        adhesion.resilier(LocalDate.of(2027, 12, 31), new Motif("Départ reporté"), AUJOURDHUI);

        assertThat(adhesion.changementPrevu()).contains(new ChangementPrevu(ChangementPrevu.Type.RESILIATION,
                LocalDate.of(2027, 12, 31), new Motif("Départ reporté")));
        assertThat(adhesion.appliquerChangementEchu(LocalDate.of(2027, 6, 30))).isFalse();
    }

    @Test
    void refusesTerminationEffectiveBeforeTheAdhesion() {
        Adhesion adhesion = active();

        assertThatThrownBy(() -> adhesion.resilier(LocalDate.of(2026, 11, 14), new Motif("Erreur"), AUJOURDHUI))
                .isInstanceOf(RegleMetierException.class);
        assertThat(adhesion.statut()).isEqualTo(StatutAdhesion.ACTIVE);
    }

    @Test
    void refusesAnyStepOnceTerminated() {
        Adhesion adhesion = active();
        adhesion.resilier(AUJOURDHUI, new Motif("Départ"), AUJOURDHUI);

        assertThatThrownBy(() -> adhesion.suspendre(new Motif("x"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("RESILIEE");
        assertThatThrownBy(() -> adhesion.resilier(LocalDate.of(2027, 1, 1), new Motif("x"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class);
    }

    @Test
    void rejectsBlankMotifAndBlankDeliberationNumber() {
        assertThatThrownBy(() -> new Motif("  ")).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new Deliberation("", AUJOURDHUI)).isInstanceOf(ValeurInvalideException.class)
                .extracting(e -> ((ValeurInvalideException) e).champ()).isEqualTo("numero");
    }

    @Test
    void elidesDeBeforeAVowelInRefusals() {
        assertThat(Francais.de("activer l'adhésion")).isEqualTo("d'activer l'adhésion");
        assertThat(Francais.de("enregistrer la délibération")).isEqualTo("d'enregistrer la délibération");
        assertThat(Francais.de("résilier l'adhésion")).isEqualTo("de résilier l'adhésion");
        assertThat(Francais.de("suspendre l'adhésion")).isEqualTo("de suspendre l'adhésion");
    }

    @Test
    void reconstitutedAdhesionKeepsItsStateAndRecordsNothing() {
        Adhesion adhesion = active();
        adhesion.resilier(LocalDate.of(2027, 6, 30), new Motif("Départ"), AUJOURDHUI);

        Adhesion relue = Adhesion.reconstituer(adhesion.etat());

        assertThat(relue.etat()).isEqualTo(adhesion.etat());
        assertThat(relue.evenementsEnAttente()).isEmpty();
    }
}
