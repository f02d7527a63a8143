package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ConsultationPubliee;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.journal.application.Auteurs;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.membre.application.AdhesionsActives;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import fr.centraleachat.marche.consultation.domain.Mutualisation;
import fr.centraleachat.marche.groupement.application.GroupementsConnus;
import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.dao.DuplicateKeyException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final Consultations consultations;
    private final AdhesionsActives adhesionsActives;
    private final EvenementsPublies evenements;
    private final GrilleDesSeuils seuils;
    private final DelaisReglementaires delais;
    private final Clock horloge;
    private final ApplicationEventPublisher annonces;
    private final GroupementsConnus groupements;
    private final ControleFractionnement fractionnement;

    public ServiceConsultations(Consultations consultations, AdhesionsActives adhesionsActives,
            EvenementsPublies evenements, GrilleDesSeuils seuils, DelaisReglementaires delais, Clock horloge,
            ApplicationEventPublisher annonces, GroupementsConnus groupements, ControleFractionnement fractionnement) {
        this.groupements = groupements;
        this.fractionnement = fractionnement;
        this.consultations = consultations;
        this.adhesionsActives = adhesionsActives;
        this.evenements = evenements;
        this.seuils = seuils;
        this.delais = delais;
        this.horloge = horloge;
        this.annonces = annonces;
    }

    public FicheConsultation creer(ContenuConsultation contenu, Acteur acteur) {
        return creer(contenu, Optional.empty(), acteur);
    }

    /**
     * Creates a draft, launched for a groupement de commandes when {@code groupementId} is given: the groupement must
     * be known and not dissolved, the beneficiaries among its members now (a member joining later does not benefit
     * from this consultation), and its coordonnateur is the buyer recorded on the marché.
     */
    public FicheConsultation creer(ContenuConsultation contenu, Optional<String> groupementId, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Mutualisation mutualisation = Mutualisation.AUCUNE;
        if (groupementId.isPresent()) {
            GroupementDeCommandes groupement = groupements.exiger(groupementId.get());
            groupement.exigerLancable();
            mutualisation = Mutualisation.duGroupement(new Mutualisation.GroupementAcheteur(groupement.id(),
                    groupement.coordonnateur(), groupement.nomCoordonnateur(), groupement.sirens()));
        }
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu, acteur.sujet(),
                mutualisation);
        consultations.ajouter(consultation, evenements.messages(consultation, maintenant(), Auteurs.de(acteur)));
        consultation.effacerEvenements();
        return new FicheConsultation(consultation, List.of(), 0);
    }

    public FicheConsultation modifier(ConsultationId id, ContenuConsultation contenu, Acteur acteur) {
        return modifier(id, contenu, Optional.empty(), acteur);
    }

    /**
     * Changes a draft. The groupement it is launched for is chosen at creation: a request naming another one (or one
     * for a consultation launched for none) is refused; one naming none keeps it.
     */
    public FicheConsultation modifier(ConsultationId id, ContenuConsultation contenu, Optional<String> groupementId,
            Acteur acteur) {
        return changer(id, acteur, consultation -> {
            Mutualisation.GroupementAcheteur actuel = consultation.mutualisation().groupement();
            if (groupementId.isPresent() && (actuel == null || !actuel.id().equals(groupementId.get()))) {
                throw new RegleMetierException("groupementId", "Le groupement de commandes d'une consultation se "
                        + "choisit à sa création et ne change pas ensuite.");
            }
            consultation.modifierBrouillon(contenu);
        });
    }

    /**
     * Creates the draft consultation of a closed recensement des besoins, on behalf of the acheteur who opened it.
     * Its id follows from the recensement's, so a redelivered event creates nothing more.
     *
     * @return false when that draft already exists (or was created and deleted since)
     */
    public boolean creerDepuisRecensement(ConsultationId id, String recensementId, ContenuConsultation contenu,
            String acheteur) {
        Consultation consultation = Consultation.creer(id, contenu, acheteur,
                Mutualisation.duRecensement(recensementId));
        try {
            consultations.ajouter(consultation, evenements.messages(consultation, maintenant(), Auteur.SYSTEME));
            return true;
        } catch (DuplicateKeyException dejaCree) {
            return false;
        }
    }

    /**
     * Publishes a draft. Its beneficiaries must be registered members whose adhésion is active now, as this
     * service's projection of the adhesion events knows them; otherwise it is refused with every offending SIREN.
     * A draft launched for a groupement de commandes needs the groupement constituted instead (its members, partner
     * EPCI among them, use the groupement's convention, not an adhésion). The publication warns of a risk of
     * fractionnement (R2121-6/7) when the year's needs of its family call for a heavier procedure.
     */
    public FicheConsultation publier(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, consultation -> {
            if (consultation.statut() == StatutConsultation.BROUILLON) {
                Mutualisation.GroupementAcheteur groupement = consultation.mutualisation().groupement();
                if (groupement != null) {
                    groupements.exiger(groupement.id()).exigerConstitue();
                } else {
                    exigerBeneficiairesAdherents(consultation);
                }
            }
            consultation.publier(maintenant(), seuils, delais);
        });
    }

    private void exigerBeneficiairesAdherents(Consultation consultation) {
        Map<Siren, String> refus = adhesionsActives.refusParmi(consultation.beneficiaires().membres());
        if (!refus.isEmpty()) {
            String liste = refus.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
            throw new RegleMetierException("beneficiaires", (refus.size() == 1
                    ? "Ce bénéficiaire n'est pas un membre dont l'adhésion à la centrale est active : "
                    : "Ces bénéficiaires ne sont pas des membres dont l'adhésion à la centrale est active : ")
                    + liste + ".");
        }
    }

    /**
     * Deletes a draft: nothing of it was ever public, so nothing is announced outside; only the journal records it
     * (its message is saved by the same write that marks the draft deleted, see
     * {@link Consultations#supprimerBrouillon}), and inside the service its tender documents go with it
     * ({@link BrouillonSupprime}).
     *
     * @throws fr.centraleachat.kernel.TransitionInterditeException once it is no longer a draft
     */
    public void supprimer(ConsultationId id, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        FicheConsultation fiche = consultations.trouver(id).orElseThrow(() -> introuvable(id));
        Consultation consultation = fiche.consultation();
        consultation.supprimer();
        if (!consultations.supprimerBrouillon(consultation,
                evenements.messages(consultation, maintenant(), Auteurs.de(acteur)))) {
            // Published, changed or deleted since it was read: answer from what it is now.
            consultations.trouver(id).orElseThrow(() -> introuvable(id)).consultation().verifierSuppressible();
            throw new OptimisticLockingFailureException("Consultation " + id + " changed while deleting it");
        }
        annonces.publishEvent(new BrouillonSupprime(id));
    }

    public FicheConsultation cloturer(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.cloturer(maintenant()));
    }

    public FicheConsultation ouvrirLesPlis(ConsultationId id, Acteur acteur) {
        return changer(id, acteur, Consultation::ouvrirLesPlis);
    }

    /**
     * Follows the lots: the consultation is ATTRIBUEE once a lot is attributed, NOTIFIEE once every lot is notified
     * or infructueux (at least one notified). Idempotent: called after each decision on a lot, it also catches up
     * if an earlier call did not complete.
     */
    public void suivreLesLots(ConsultationId id, boolean unLotAttribue, boolean tousTermines, boolean unLotNotifie,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        FicheConsultation fiche = consultations.trouver(id).orElseThrow(() -> introuvable(id));
        StatutConsultation statut = fiche.consultation().statut();
        boolean attribuer = unLotAttribue && statut == StatutConsultation.EN_ANALYSE;
        boolean notifier = tousTermines && unLotNotifie;
        if (!attribuer && !(notifier && statut == StatutConsultation.ATTRIBUEE)) {
            return;
        }
        enregistrer(fiche, Auteurs.de(acteur), consultation -> {
            if (attribuer) {
                consultation.attribuer();
            }
            if (notifier) {
                consultation.notifier();
            }
        });
    }

    public FicheConsultation declarerSansSuite(ConsultationId id, String raison, Acteur acteur) {
        return changer(id, acteur, consultation -> consultation.declarerSansSuite(raison));
    }

    public FicheConsultation consulter(ConsultationId id, Acteur acteur) {
        boolean toutVoir = voitLesBrouillons(acteur);
        return consultations.trouver(id)
                .filter(fiche -> toutVoir || fiche.consultation().aEtePubliee())
                .orElseThrow(() -> introuvable(id));
    }

    /**
     * One page of consultations. Staff see all; other readers only those that were published, so neither a
     * draft nor a draft declared sans suite is ever shown to them.
     */
    public PageVue<FicheConsultation> lister(Optional<StatutConsultation> statut, PageDemandee page, Acteur acteur) {
        boolean toutVoir = voitLesBrouillons(acteur);
        Set<StatutConsultation> visibles = toutVoir
                ? EnumSet.allOf(StatutConsultation.class) : EnumSet.complementOf(EnumSet.of(StatutConsultation.BROUILLON));
        statut.ifPresent(s -> visibles.retainAll(Set.of(s)));
        return visibles.isEmpty() ? new PageVue<>(List.of(), page.page(), page.taille(), 0)
                : consultations.lister(visibles, !toutVoir, page);
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
        enregistrer(lue.get(), Auteur.SYSTEME, consultation -> consultation.cloturer(maintenant()));
        return true;
    }

    /** Removes for good the deleted drafts whose journal message has left; returns how many. */
    public int effacerLesBrouillonsSupprimes() {
        return consultations.effacerBrouillonsSupprimes();
    }

    /** Ids of the published consultations whose DLRO has passed. */
    public List<ConsultationId> consultationsEchues(int limite) {
        return consultations.publieesEchues(maintenant(), limite);
    }

    private FicheConsultation changer(ConsultationId id, Acteur acteur, Consumer<Consultation> etape) {
        acteur.exiger(Role.ACHETEUR);
        FicheConsultation fiche = consultations.trouver(id).orElseThrow(() -> introuvable(id));
        return enregistrer(fiche, Auteurs.de(acteur), etape);
    }

    private FicheConsultation enregistrer(FicheConsultation fiche, Auteur auteur, Consumer<Consultation> etape) {
        Consultation consultation = fiche.consultation();
        etape.accept(consultation);
        List<String> avertissements = consultation.evenementsEnAttente().stream()
                .filter(ConsultationPubliee.class::isInstance).map(ConsultationPubliee.class::cast)
                .map(publiee -> avecFractionnement(consultation, publiee))
                .findFirst().orElse(fiche.avertissements());
        consultations.mettreAJour(consultation, avertissements, evenements.messages(consultation, maintenant(), auteur));
        consultation.effacerEvenements();
        return new FicheConsultation(consultation, avertissements, consultation.version() + 1);
    }

    private List<String> avecFractionnement(Consultation consultation, ConsultationPubliee publiee) {
        List<String> avertissements = new ArrayList<>(publiee.avertissements());
        fractionnement.alerte(consultation, publiee.datePublication())
                .ifPresent(alerte -> avertissements.add(alerte.message()));
        return avertissements;
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
