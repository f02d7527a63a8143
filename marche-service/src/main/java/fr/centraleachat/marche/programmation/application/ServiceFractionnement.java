package fr.centraleachat.marche.programmation.application;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.ControleFractionnement;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.programmation.domain.Fractionnement;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.marche.programmation.domain.ProcedurePlanifiee;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The fractionnement check of a consultation: its own value against the year's needs of its famille d'achat, that
 * is the plan's procedures of the family (planned or launched, not abandoned) and the family's consultations
 * published that year outside the plan. A procedure launched as a consultation is counted once, with the
 * consultation's value; the consultation checked is never counted twice.
 */
@Service
public class ServiceFractionnement implements ControleFractionnement {

    /** Far above a year's consultations of one family; bounds the read. */
    static final int CONSULTATIONS_MAX = 5_000;

    private final PlansAnnuels plans;
    private final Consultations consultations;
    private final GrilleDesSeuils seuils;
    private final Clock horloge;

    public ServiceFractionnement(PlansAnnuels plans, Consultations consultations, GrilleDesSeuils seuils,
            Clock horloge) {
        this.plans = plans;
        this.consultations = consultations;
        this.seuils = seuils;
        this.horloge = horloge;
    }

    @Override
    public Optional<Fractionnement.Alerte> alerte(Consultation consultation, Instant lancement) {
        LocalDate date = HeureDeParis.date(lancement);
        int annee = date.getYear();
        Instant debut = LocalDate.of(annee, 1, 1).atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        Instant fin = LocalDate.of(annee + 1, 1, 1).atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        Optional<PlanAnnuel> plan = plans.trouver(annee);
        FamilleAchat famille = consultation.contenu().familleAchat();
        if (famille != null) {
            Optional<Fractionnement.Alerte> alerte = Fractionnement.verifier(famille, consultation.nature(),
                    consultation.valeurEstimeeTotale(), date, comptees(consultation, plan,
                            p -> p.familleAchat() == famille,
                            consultations.publieesDeLaFamille(famille, debut, fin, CONSULTATIONS_MAX)),
                    seuils.seuilsAu(date));
            if (alerte.isPresent()) {
                return alerte;
            }
        }
        // Needs of other families may still be homogeneous: those of the same CPV group.
        String groupe = consultation.cpvPrincipal().valeur().substring(0, 3);
        return Fractionnement.verifierGroupeCpv(groupe, consultation.nature(), consultation.valeurEstimeeTotale(), date,
                comptees(consultation, plan, p -> p.cpvPrincipal() != null
                                && p.cpvPrincipal().valeur().startsWith(groupe),
                        consultations.publieesDuGroupeCpv(groupe, debut, fin, CONSULTATIONS_MAX)),
                seuils.seuilsAu(date));
    }

    /**
     * The other needs of the year in one grouping: the plan's procedures in it (planned, or launched and not yet
     * published, with their planned value) and the consultations published in it (with their own value, whether
     * launched from the plan or not); never the consultation checked.
     */
    private static List<Fractionnement.ProcedureComptee> comptees(Consultation consultation, Optional<PlanAnnuel> plan,
            Predicate<ProcedurePlanifiee> duRegroupement, List<Consultation> publiees) {
        String soi = consultation.id().toString();
        List<Fractionnement.ProcedureComptee> comptees = new ArrayList<>();
        Set<String> consultationsComptees = new HashSet<>();
        for (Consultation autre : publiees) {
            String id = autre.id().toString();
            if (!id.equals(soi)) {
                comptees.add(new Fractionnement.ProcedureComptee("consultation:" + id, autre.objet(),
                        autre.valeurEstimeeTotale()));
                consultationsComptees.add(id);
            }
        }
        plan.ifPresent(p -> p.procedures().stream()
                .filter(procedure -> procedure.compte() && duRegroupement.test(procedure))
                .filter(procedure -> procedure.consultationId() == null
                        || !(procedure.consultationId().equals(soi)
                        || consultationsComptees.contains(procedure.consultationId())))
                .forEach(procedure -> comptees.add(new Fractionnement.ProcedureComptee("plan:" + procedure.id(),
                        procedure.objet(), procedure.valeurEstimee()))));
        return comptees;
    }

    /**
     * The check for a consultation, as it would run if it were published now (or as it ran at its publication):
     * what the acheteur reads before publishing.
     */
    public Optional<Fractionnement.Alerte> verifier(ConsultationId id, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Consultation consultation = consultations.trouver(id).orElseThrow(() -> new RessourceIntrouvableException(
                "Aucune consultation n'a l'identifiant " + id + ".")).consultation();
        return alerte(consultation, consultation.datePublication().orElse(horloge.instant()));
    }
}
