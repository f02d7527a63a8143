package fr.centraleachat.marche.programmation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import tools.jackson.databind.json.JsonMapper;

class ServicePlanAnnuelTest {

    private static final Instant MAINTENANT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Siren DIJON = new Siren("212102313");
    private static final Siren TALANT = new Siren("212106173");
    private static final Acteur AGENT_DIJON = new Acteur("agent", Set.of(Role.AGENT), Optional.of(DIJON),
            Optional.empty(), Set.of());

    /** A store whose next saves fail as if another request had saved the plan first. */
    private final class PlansEnMemoire implements PlansAnnuels {
        final Map<Integer, PlanAnnuel> stock = new HashMap<>();
        final List<MessageSortant> publies = new ArrayList<>();
        int conflitsAVenir;

        @Override
        public Optional<PlanAnnuel> trouver(int annee) {
            return Optional.ofNullable(stock.get(annee)).map(p -> PlanAnnuel.reconstituer(p.annee(), p.procedures(),
                    p.besoins(), p.version()));
        }

        @Override
        public void enregistrer(PlanAnnuel plan, List<MessageSortant> messages) {
            if (conflitsAVenir > 0) {
                conflitsAVenir--;
                // Someone else's need lands first.
                PlanAnnuel autre = trouver(plan.annee()).orElseGet(() -> PlanAnnuel.ouvrir(plan.annee()));
                autre.proposer("autre-" + conflitsAVenir, TALANT, "Tablettes", FamilleAchat.INFORMATIQUE_TELECOMS,
                        Montant.de(1_000), null);
                stock.put(plan.annee(), PlanAnnuel.reconstituer(autre.annee(), autre.procedures(), autre.besoins(),
                        autre.version() + 1));
                throw new OptimisticLockingFailureException("plan saved meanwhile");
            }
            stock.put(plan.annee(), PlanAnnuel.reconstituer(plan.annee(), plan.procedures(), plan.besoins(),
                    plan.version() + 1));
            publies.addAll(messages);
        }
    }

    private final PlansEnMemoire plans = new PlansEnMemoire();
    private final Clock horloge = Clock.fixed(MAINTENANT, ZoneOffset.UTC);
    private final ServicePlanAnnuel service = new ServicePlanAnnuel(plans, null,
            new FabriqueMessages(JsonMapper.builder().build(), horloge), horloge);

    @Test
    void replaysANeedOnThePlanAsItNowIsWhenAnotherSaveWonTheRace() {
        plans.conflitsAVenir = 2;

        service.proposer(2027, DIJON, "Écrans", FamilleAchat.INFORMATIQUE_TELECOMS, Montant.de(5_000), null,
                AGENT_DIJON);

        PlanAnnuel plan = plans.trouver(2027).orElseThrow();
        assertThat(plan.besoins()).extracting(b -> b.membre().valeur() + ":" + b.objet())
                .containsExactly("212106173:Tablettes", "212106173:Tablettes", "212102313:Écrans");
    }

    @Test
    void answersTheConflictWhenTheRaceIsLostEveryTime() {
        plans.conflitsAVenir = ServicePlanAnnuel.ESSAIS_MAX;

        assertThatThrownBy(() -> service.proposer(2027, DIJON, "Écrans", FamilleAchat.INFORMATIQUE_TELECOMS,
                Montant.de(5_000), null, AGENT_DIJON)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(plans.trouver(2027).orElseThrow().besoins()).noneMatch(b -> b.membre().equals(DIJON));
    }

    @Test
    void letsAnAgentProposeForItsOwnBodyOnlyAndForTheComingYears() {
        assertThatThrownBy(() -> service.proposer(2027, TALANT, "Écrans", FamilleAchat.INFORMATIQUE_TELECOMS,
                Montant.de(5_000), null, AGENT_DIJON)).isInstanceOf(AccesRefuseException.class);
        assertThatThrownBy(() -> service.proposer(2025, DIJON, "Écrans", FamilleAchat.INFORMATIQUE_TELECOMS,
                Montant.de(5_000), null, AGENT_DIJON)).isInstanceOf(RegleMetierException.class)
                .hasMessageContaining("2026 à 2028");
        assertThat(plans.stock).isEmpty();
    }
}
