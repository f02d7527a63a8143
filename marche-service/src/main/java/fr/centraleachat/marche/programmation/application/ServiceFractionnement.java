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
        FamilleAchat famille = consultation.contenu().familleAchat();
        if (famille == null) {
            return Optional.empty();
        }
        LocalDate date = HeureDeParis.date(lancement);
        int annee = date.getYear();
        String soi = consultation.id().toString();
        List<Fractionnement.ProcedureComptee> comptees = new ArrayList<>();
        Optional<PlanAnnuel> plan = plans.trouver(annee);
        if (plan.isPresent()) {
            // A procedure launched as another consultation counts with that consultation's value, read below.
            for (ProcedurePlanifiee p : plan.get().procedures()) {
                if (p.familleAchat() == famille && p.compte() && p.consultationId() == null) {
                    comptees.add(new Fractionnement.ProcedureComptee("plan:" + p.id(), p.objet(), p.valeurEstimee()));
                }
            }
        }
        Instant debut = LocalDate.of(annee, 1, 1).atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        Instant fin = LocalDate.of(annee + 1, 1, 1).atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        for (Consultation autre : consultations.publieesDeLaFamille(famille, debut, fin, CONSULTATIONS_MAX)) {
            String id = autre.id().toString();
            if (!id.equals(soi)) {
                comptees.add(new Fractionnement.ProcedureComptee("consultation:" + id, autre.objet(),
                        autre.valeurEstimeeTotale()));
            }
        }
        // Launched procedures whose consultation is not yet published still count, with their planned value.
        if (plan.isPresent()) {
            Set<String> publiees = new HashSet<>();
            comptees.forEach(c -> publiees.add(c.reference()));
            for (ProcedurePlanifiee p : plan.get().procedures()) {
                if (p.familleAchat() == famille && p.compte() && p.consultationId() != null
                        && !p.consultationId().equals(soi) && !publiees.contains("consultation:" + p.consultationId())) {
                    comptees.add(new Fractionnement.ProcedureComptee("plan:" + p.id(), p.objet(), p.valeurEstimee()));
                }
            }
        }
        return Fractionnement.verifier(famille, consultation.nature(), consultation.valeurEstimeeTotale(), date,
                comptees, seuils.seuilsAu(date));
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
