package fr.centraleachat.marche.programmation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanAnnuelTest {

    private static final FamilleAchat PAPIER = FamilleAchat.FOURNITURES_ADMINISTRATIVES;
    private static final Siren TALANT = new Siren("212106173");
    private static final Siren CHENOVE = new Siren("212101661");
    private static final CodeCpv CPV = new CodeCpv("30192000-1");

    @Test
    void plansLaunchesAndAbandonsProceduresEachStepOnce() {
        PlanAnnuel plan = PlanAnnuel.ouvrir(2027);
        plan.planifier("P1", "Papier de bureau", PAPIER, CPV, Nature.FOURNITURES, Montant.de(120_000), 1, List.of(TALANT));
        plan.planifier("P2", "Enveloppes", PAPIER, CPV, Nature.FOURNITURES, Montant.de(30_000), 2, List.of());

        plan.lancer("P1", "c-1");
        assertThatThrownBy(() -> plan.lancer("P1", "c-2")).isInstanceOf(TransitionInterditeException.class);
        assertThatThrownBy(() -> plan.abandonner("P2", " ")).hasFieldOrPropertyWithValue("champ", "motif");
        plan.abandonner("P2", "Besoin couvert par l'UGAP.");
        assertThatThrownBy(() -> plan.abandonner("P2", "Encore.")).isInstanceOf(TransitionInterditeException.class);
        assertThatThrownBy(() -> plan.lancer("P2", "c-3")).isInstanceOf(TransitionInterditeException.class);
        assertThatThrownBy(() -> plan.lancer("P9", "c-3")).isInstanceOf(RessourceIntrouvableException.class);

        assertThat(plan.procedures()).extracting(ProcedurePlanifiee::statut)
                .containsExactly(StatutProcedurePlanifiee.LANCEE, StatutProcedurePlanifiee.ABANDONNEE);
        assertThat(plan.procedures().get(0).consultationId()).isEqualTo("c-1");
        assertThat(plan.evenementsEnAttente()).containsExactly(
                new EvenementPlan.ProcedureAjoutee(2027, "P1"), new EvenementPlan.ProcedureAjoutee(2027, "P2"),
                new EvenementPlan.ProcedureLancee(2027, "P1", "c-1"), new EvenementPlan.ProcedureAbandonnee(2027, "P2"));
    }

    @Test
    void refusesInvalidPlansAndProcedures() {
        assertThatThrownBy(() -> PlanAnnuel.ouvrir(1999)).hasFieldOrPropertyWithValue("champ", "annee");
        PlanAnnuel plan = PlanAnnuel.ouvrir(2027);
        assertThatThrownBy(() -> plan.planifier("P1", "Papier", PAPIER, CPV, Nature.FOURNITURES, Montant.de(1), 5,
                List.of())).hasFieldOrPropertyWithValue("champ", "trimestre");
        assertThatThrownBy(() -> plan.planifier("P1", " ", PAPIER, CPV, Nature.FOURNITURES, Montant.de(1), 1,
                List.of())).hasFieldOrPropertyWithValue("champ", "objet");
        assertThatThrownBy(() -> plan.planifier("P1", "Papier", null, CPV, Nature.FOURNITURES, Montant.de(1), 1,
                List.of())).isInstanceOf(ValeurInvalideException.class);
        assertThat(plan.procedures()).isEmpty();
        assertThat(plan.evenementsEnAttente()).isEmpty();
    }

    @Test
    void anAcceptedNeedJoinsAPlannedProcedureOfItsFamilyWithItsMemberAndValue() {
        PlanAnnuel plan = PlanAnnuel.ouvrir(2027);
        plan.planifier("P1", "Papier de bureau", PAPIER, CPV, Nature.FOURNITURES, Montant.de(100_000), 1, List.of(TALANT));
        plan.planifier("P2", "Nettoyage des écoles", FamilleAchat.ENTRETIEN_NETTOYAGE, null, Nature.SERVICES,
                Montant.de(80_000), 3, List.of());
        plan.proposer("B1", CHENOVE, "Ramettes A4 pour les écoles", PAPIER, Montant.de(12_000), "Environ 2 500 ramettes.");
        plan.proposer("B2", CHENOVE, "Papier photo", PAPIER, Montant.de(500), null);
        plan.proposer("B3", TALANT, "Papier", PAPIER, Montant.de(900), null);

        assertThatThrownBy(() -> plan.accepter("B1", "P2")).hasFieldOrPropertyWithValue("champ", "procedureId");
        plan.accepter("B1", "P1");
        plan.refuser("B2", "Hors du champ de la centrale.");
        assertThatThrownBy(() -> plan.accepter("B2", "P1")).isInstanceOf(TransitionInterditeException.class);
        plan.lancer("P1", "c-1");
        assertThatThrownBy(() -> plan.accepter("B3", "P1")).as("a launched procedure takes no more needs")
                .isInstanceOf(TransitionInterditeException.class);

        ProcedurePlanifiee p1 = plan.procedures().get(0);
        assertThat(p1.valeurEstimee()).isEqualTo(Montant.de(112_000));
        assertThat(p1.membres()).containsExactly(TALANT, CHENOVE);
        assertThat(plan.besoins()).extracting(BesoinPropose::statut).containsExactly(BesoinPropose.Statut.ACCEPTE,
                BesoinPropose.Statut.REFUSE, BesoinPropose.Statut.PROPOSE);
        assertThat(plan.besoins().get(1).motifRefus()).isEqualTo("Hors du champ de la centrale.");
    }

    @Test
    void theYearsViewAndTheFractionnementCheckCountPlannedAndLaunchedButNotAbandonedProcedures() {
        PlanAnnuel plan = PlanAnnuel.ouvrir(2026);
        plan.planifier("P1", "Papier", PAPIER, CPV, Nature.FOURNITURES, Montant.de(150_000), 1, List.of());
        plan.planifier("P2", "Enveloppes", PAPIER, CPV, Nature.FOURNITURES, Montant.de(50_000), 1, List.of());
        plan.planifier("P3", "Cartouches", PAPIER, CPV, Nature.FOURNITURES, Montant.de(40_000), 4, List.of());
        plan.planifier("P4", "Nettoyage", FamilleAchat.ENTRETIEN_NETTOYAGE, null, Nature.SERVICES, Montant.de(90_000),
                1, List.of());
        plan.lancer("P2", "c-enveloppes");
        plan.abandonner("P3", "Reporté à 2027.");

        var synthese = plan.synthese();
        assertThat(synthese.get(1).get(PAPIER)).isEqualTo(new PlanAnnuel.Cellule(Montant.de(200_000),
                Montant.de(50_000), 2, 1));
        assertThat(synthese.get(1).get(FamilleAchat.ENTRETIEN_NETTOYAGE).prevu()).isEqualTo(Montant.de(90_000));
        assertThat(synthese).doesNotContainKey(4);

        // The envelopes' consultation, 50 000 € on its own (under the 60 000 € dispense threshold of April 2026), is
        // published: the family's other planned needs count, and 200 000 € in all call for a MAPA.
        List<Fractionnement.ProcedureComptee> autres = plan.procedureComptees(PAPIER, "c-enveloppes");
        assertThat(autres).extracting(Fractionnement.ProcedureComptee::reference).containsExactly("P1");
        LocalDate publication = LocalDate.of(2026, 5, 4);
        assertThat(Fractionnement.verifier(PAPIER, Nature.FOURNITURES, Montant.de(50_000), publication, autres,
                GrilleDesSeuils.parDefaut().seuilsAu(publication))).hasValueSatisfying(alerte -> {
                    assertThat(alerte.cumul()).isEqualTo(Montant.de(200_000));
                    assertThat(alerte.seuilFranchi()).isEqualTo(Fractionnement.SeuilFranchi.DISPENSE);
                    assertThat(alerte.seuil()).isEqualTo(Montant.de(60_000));
                });
    }
}
