package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ConsultationPubliee;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * The consultation use cases: one method per business step. Only acheteurs change consultations; staff read
 * everything, other callers read only what has been published (a draft is not public, so it is "not found").
 */
@Service
public class ServiceConsultations {

    /** Scope of information systems allowed to read public data. */
    static final String SCOPE_LECTURE = "data:read";

    private static final Set<StatutConsultation> PUBLIQUES = EnumSet.complementOf(EnumSet.of(StatutConsultation.BROUILLON));

    private final Consultations consultations;
    private final EvenementsPublies evenements;
    private final GrilleDesSeuils seuils;
    private final DelaisReglementaires delais;
    private final Clock horloge;

    public ServiceConsultations(Consultations consultations, EvenementsPublies evenements, GrilleDesSeuils seuils,
            DelaisReglementaires delais, Clock horloge) {
        this.consultations = consultations;
        this.evenements = evenements;
        this.seuils = seuils;
        this.delais = delais;
        this.horloge = horloge;
    }

    public FicheConsultation creer(ContenuConsultation contenu, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu, acteur.sujet());
        consultations.ajouter(consultation, evenements.messages(consultation, maintenant()));
        consultation.effacerEvenements();
        return new FicheConsultation(consultation, List.of(), 0);
    }

    public FicheConsultation modifier(ConsultationId id, ContenuConsultation contenu, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.modifierBrouillon(contenu));
    }

    public FicheConsultation publier(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.publier(maintenant(), seuils, delais));
    }

    public FicheConsultation cloturer(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.cloturer(maintenant()));
    }

    public FicheConsultation ouvrirLesPlis(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, Consultation::ouvrirLesPlis);
    }

    public FicheConsultation declarerSansSuite(ConsultationId id, String raison, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.declarerSansSuite(raison));
    }

    public FicheConsultation consulter(ConsultationId id, Acteur acteur) {
        boolean toutVoir = voitLesBrouillons(acteur);
        return consultations.trouver(id)
                .filter(fiche -> toutVoir || PUBLIQUES.contains(fiche.consultation().statut()))
                .orElseThrow(() -> introuvable(id));
    }

    public List<FicheConsultation> lister(Optional<StatutConsultation> statut, Acteur acteur) {
        Set<StatutConsultation> visibles = voitLesBrouillons(acteur)
                ? EnumSet.allOf(StatutConsultation.class) : EnumSet.copyOf(PUBLIQUES);
        statut.ifPresent(s -> visibles.retainAll(Set.of(s)));
        return visibles.isEmpty() ? List.of() : consultations.lister(visibles);
    }

    /**
     * Closes one published consultation whose DLRO has passed, on behalf of the system.
     *
     * @return false when it was no longer published (closed or abandoned meanwhile)
     */
    public boolean cloturerAutomatiquement(ConsultationId id) {
        Optional<FicheConsultation> lue = consultations.trouver(id);
        if (lue.isEmpty() || lue.get().consultation().statut() != StatutConsultation.PUBLIEE) {
            return false;
        }
        enregistrer(lue.get(), consultation -> consultation.cloturer(maintenant()));
        return true;
    }

    /** Ids of the published consultations whose DLRO has passed. */
    public List<ConsultationId> consultationsEchues(int limite) {
        return consultations.publieesEchues(maintenant(), limite);
    }

    private FicheConsultation changer(ConsultationId id, Acteur acteur, Consumer<Consultation> etape) {
        acteur.exiger(Role.ACHETEUR);
        FicheConsultation fiche = consultations.trouver(id).orElseThrow(() -> introuvable(id));
        return enregistrer(fiche, etape);
    }

    private FicheConsultation enregistrer(FicheConsultation fiche, Consumer<Consultation> etape) {
        Consultation consultation = fiche.consultation();
        etape.accept(consultation);
        List<String> avertissements = consultation.evenementsEnAttente().stream()
                .filter(ConsultationPubliee.class::isInstance).map(ConsultationPubliee.class::cast)
                .map(ConsultationPubliee::avertissements).findFirst().orElse(fiche.avertissements());
        consultations.mettreAJour(consultation, avertissements, evenements.messages(consultation, maintenant()));
        consultation.effacerEvenements();
        return new FicheConsultation(consultation, avertissements, consultation.version() + 1);
    }

    private static boolean voitLesBrouillons(Acteur acteur) {
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN)) {
            return true;
        }
        if (acteur.a(Role.AGENT) || acteur.a(Role.FOURNISSEUR) || acteur.scopes().contains(SCOPE_LECTURE)) {
            return false;
        }
        throw new AccesRefuseException("La lecture des consultations est réservée aux acheteurs, administrateurs,"
                + " agents des membres, fournisseurs et systèmes autorisés (scope data:read).");
    }

    private static RessourceIntrouvableException introuvable(ConsultationId id) {
        return new RessourceIntrouvableException("Aucune consultation n'a l'identifiant " + id + ".");
    }

    /** Millisecond precision, as stored, so that an answer and a later read show the same instants. */
    private Instant maintenant() {
        return horloge.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
