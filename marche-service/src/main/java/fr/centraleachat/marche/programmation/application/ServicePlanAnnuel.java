package fr.centraleachat.marche.programmation.application;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.ProcedurePlanifieeV1;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.programmation.domain.BesoinPropose;
import fr.centraleachat.marche.programmation.domain.EvenementPlan;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.marche.programmation.domain.ProcedurePlanifiee;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The annual purchasing plan: the acheteur plans, launches and abandons procedures; members' agents propose needs
 * for their own body, which the acheteur accepts into a planned procedure or refuses. A plan is read whole by the
 * centrale's staff; an agent reads only its own body's needs.
 */
@Service
public class ServicePlanAnnuel {

    private static final Logger LOG = LoggerFactory.getLogger(ServicePlanAnnuel.class);
    /** Needs are proposed for the current year or the next two, not for a year already past. */
    static final int ANNEES_A_VENIR = 2;
    static final int ESSAIS_MAX = 5;

    private final PlansAnnuels plans;
    private final Consultations consultations;
    private final FabriqueMessages fabrique;
    private final Clock horloge;

    public ServicePlanAnnuel(PlansAnnuels plans, Consultations consultations, FabriqueMessages fabrique,
            Clock horloge) {
        this.plans = plans;
        this.consultations = consultations;
        this.fabrique = fabrique;
        this.horloge = horloge;
    }

    /** The plan of the year; an empty one if nothing was planned yet. */
    public PlanAnnuel consulter(int annee, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        return lire(annee);
    }

    /** The year's proposed needs: all of them for the staff, its own body's for an agent. */
    public List<BesoinPropose> besoins(int annee, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        List<BesoinPropose> besoins = lire(annee).besoins();
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN)) {
            return besoins;
        }
        Siren sien = acteur.membreDeLAgent();
        return besoins.stream().filter(b -> b.membre().equals(sien)).toList();
    }

    public ProcedurePlanifiee planifier(int annee, String objet, FamilleAchat famille, CodeCpv cpv, Nature nature,
            Montant valeurEstimee, int trimestre, List<Siren> membres, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        String id = UUID.randomUUID().toString();
        PlanAnnuel plan = changer(annee, p -> p.planifier(id, objet, famille, cpv, nature, valeurEstimee, trimestre,
                membres));
        LOG.info("Procedure {} planned in {} ({})", id, annee, acteur.sujet());
        return procedure(plan, id);
    }

    /**
     * Records that the procedure was launched as this consultation, which must exist and be of the same famille
     * d'achat: from then on, the consultation's own value counts for it in the fractionnement check.
     */
    public ProcedurePlanifiee lancer(int annee, String procedureId, ConsultationId consultationId, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = consultations.trouver(consultationId).orElseThrow(() ->
                new RegleMetierException("consultationId", "Aucune consultation n'a l'identifiant " + consultationId
                        + "."))
                .consultation();
        return procedure(changer(annee, plan -> {
            ProcedurePlanifiee prevue = procedure(plan, procedureId);
            if (consultation.contenu().familleAchat() != prevue.familleAchat()) {
                throw new RegleMetierException("consultationId", "La consultation relève de la famille « "
                        + libelle(consultation.contenu().familleAchat()) + " », la procédure prévue de « "
                        + prevue.familleAchat().libelle() + " ».");
            }
            plan.lancer(procedureId, consultationId.toString());
        }), procedureId);
    }

    public ProcedurePlanifiee abandonner(int annee, String procedureId, String motif, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        return procedure(changer(annee, plan -> plan.abandonner(procedureId, motif)), procedureId);
    }

    public BesoinPropose proposer(int annee, Siren membre, String objet, FamilleAchat famille, Montant valeurEstimee,
            String commentaire, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        acteur.exigerAccesAuMembre(membre);
        int courante = HeureDeParis.date(horloge.instant()).getYear();
        if (annee < courante || annee > courante + ANNEES_A_VENIR) {
            throw new RegleMetierException("annee", "Les besoins se proposent pour l'année en cours ou l'une des "
                    + ANNEES_A_VENIR + " suivantes (" + courante + " à " + (courante + ANNEES_A_VENIR) + "), pas pour "
                    + annee + ".");
        }
        String id = UUID.randomUUID().toString();
        PlanAnnuel plan = changer(annee, p -> p.proposer(id, membre, objet, famille, valeurEstimee, commentaire));
        LOG.info("Need {} proposed for {} by member {} ({})", id, annee, membre, acteur.sujet());
        return besoin(plan, id);
    }

    public BesoinPropose accepter(int annee, String besoinId, String procedureId, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        return besoin(changer(annee, plan -> plan.accepter(besoinId, procedureId)), besoinId);
    }

    public BesoinPropose refuser(int annee, String besoinId, String motif, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        return besoin(changer(annee, plan -> plan.refuser(besoinId, motif)), besoinId);
    }

    /**
     * Applies one step to the year's plan and saves it. The plan is one document that many agents and acheteurs
     * change: a save that lost the race is replayed on the plan as it now is (the step's checks run again), a few
     * times, before the conflict is answered.
     */
    private PlanAnnuel changer(int annee, Consumer<PlanAnnuel> etape) {
        for (int essai = 1; ; essai++) {
            PlanAnnuel plan = lire(annee);
            etape.accept(plan);
            try {
                plans.enregistrer(plan, messages(plan));
                return plan;
            } catch (OptimisticLockingFailureException concurrente) {
                if (essai >= ESSAIS_MAX) {
                    throw concurrente;
                }
            }
        }
    }

    private List<MessageSortant> messages(PlanAnnuel plan) {
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementPlan evenement : plan.evenementsEnAttente()) {
            if (evenement instanceof EvenementPlan.ProcedureAjoutee ajoutee) {
                ProcedurePlanifiee p = plan.procedures().stream()
                        .filter(x -> x.id().equals(ajoutee.procedureId())).findFirst().orElseThrow();
                messages.add(fabrique.message(Evenements.PROCEDURE_PLANIFIEE, String.valueOf(plan.annee()),
                        new ProcedurePlanifieeV1(plan.annee(), p.id(), p.objet(), p.familleAchat().name(),
                                p.cpvPrincipal() == null ? null : p.cpvPrincipal().valeur(), p.nature().name(),
                                p.valeurEstimee().valeurHt(), p.trimestre(),
                                p.membres().stream().map(Siren::valeur).toList())));
            }
        }
        return messages;
    }

    private PlanAnnuel lire(int annee) {
        return plans.trouver(annee).orElseGet(() -> PlanAnnuel.ouvrir(annee));
    }

    /** The procedure as the plan just read or saved holds it: no second read of the store. */
    private static ProcedurePlanifiee procedure(PlanAnnuel plan, String id) {
        return plan.procedures().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new RessourceIntrouvableException("Procédure " + id + " absente du plan "
                        + plan.annee() + "."));
    }

    private static BesoinPropose besoin(PlanAnnuel plan, String id) {
        return plan.besoins().stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new RessourceIntrouvableException("Besoin " + id + " absent du plan "
                        + plan.annee() + "."));
    }

    private static String libelle(FamilleAchat famille) {
        return famille == null ? "non renseignée" : famille.libelle();
    }
}
