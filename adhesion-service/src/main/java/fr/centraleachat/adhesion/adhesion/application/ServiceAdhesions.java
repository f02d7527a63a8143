package fr.centraleachat.adhesion.adhesion.application;

import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.adhesion.domain.Motif;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
import fr.centraleachat.adhesion.membre.application.Membres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The adhésion use cases. An agent requests and reads only for its own body; the centrale's staff (acheteur,
 * admin) records deliberations and moves adhésions through their lifecycle.
 */
@Service
public class ServiceAdhesions {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAdhesions.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Adhesions adhesions;
    private final Membres membres;
    private final EvenementsPublies publies;
    private final Clock horloge;

    public ServiceAdhesions(Adhesions adhesions, Membres membres, EvenementsPublies publies, Clock horloge) {
        this.adhesions = adhesions;
        this.membres = membres;
        this.publies = publies;
        this.horloge = horloge;
    }

    public AdhesionDetaillee demander(Siren siren, Set<FamilleAchat> famillesAchat, Missions missions, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        acteur.exigerAccesAuMembre(siren);
        Membre membre = membres.trouver(siren).orElseThrow(() -> new RegleMetierException("siren",
                "Aucun membre enregistré avec le SIREN " + siren + " : il doit être enregistré avant d'adhérer."));
        if (!membre.type().peutAdherer()) {
            throw new TransitionInterditeException(membre.type().name(), "Le membre " + siren + " est un EPCI"
                    + " partenaire extérieur à la Métropole : il ne peut pas adhérer à la centrale, seulement rejoindre"
                    + " des groupements de commandes.");
        }
        adhesions.enCoursPour(siren).ifPresent(existante -> {
            throw dejaEnCours(siren, existante.statut().name());
        });
        Adhesion adhesion = Adhesion.demander(AdhesionId.nouveau(), siren, famillesAchat, missions, aujourdhui());
        // The unique key on the stored adhésion settles two requests racing past the check above.
        if (!adhesions.ajouter(adhesion, publies.messages(adhesion, membre))) {
            throw dejaEnCours(siren, StatutAdhesion.DEMANDEE.name());
        }
        LOG.info("Adhesion {} requested for member {} by {}", adhesion.id(), siren, acteur.sujet());
        return new AdhesionDetaillee(adhesion, membre);
    }

    public AdhesionDetaillee consulter(AdhesionId id, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Adhesion adhesion = adhesions.trouver(id)
                .filter(a -> estPersonnel(acteur) || acteur.estAgentDe(a.membre()))
                .orElseThrow(() -> introuvable(id));
        return detailler(adhesion);
    }

    public PageVue<AdhesionDetaillee> lister(Optional<Siren> siren, Optional<StatutAdhesion> statut, PageDemandee page,
            Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Optional<Siren> filtre = siren;
        if (!estPersonnel(acteur)) {
            Siren sienne = acteur.membreDeLAgent();
            siren.ifPresent(acteur::exigerAccesAuMembre);
            filtre = Optional.of(sienne);
        }
        Map<Siren, Membre> parSiren = membres.lister(Optional.empty()).stream()
                .collect(Collectors.toMap(Membre::siren, Function.identity()));
        return adhesions.lister(filtre, statut, page).map(a -> new AdhesionDetaillee(a, parSiren.get(a.membre())));
    }

    public AdhesionDetaillee enregistrerDeliberation(AdhesionId id, Deliberation deliberation, Acteur acteur) {
        return faire(id, acteur, a -> a.enregistrerDeliberation(deliberation, aujourdhui()));
    }

    public AdhesionDetaillee activer(AdhesionId id, LocalDate dateSignatureConvention, LocalDate dateEffet,
            Acteur acteur) {
        return faire(id, acteur, a -> a.activer(dateSignatureConvention, dateEffet, aujourdhui()));
    }

    public AdhesionDetaillee suspendre(AdhesionId id, Motif motif, Acteur acteur) {
        return faire(id, acteur, a -> a.suspendre(motif, aujourdhui()));
    }

    public AdhesionDetaillee reprendre(AdhesionId id, Acteur acteur) {
        return faire(id, acteur, a -> a.reprendre(aujourdhui()));
    }

    public AdhesionDetaillee resilier(AdhesionId id, LocalDate dateEffet, Motif motif, Acteur acteur) {
        return faire(id, acteur, a -> a.resilier(dateEffet, motif, aujourdhui()));
    }

    /**
     * Applies the change planned on one adhésion once its effective date has come, on behalf of the system, and
     * publishes its event with it (one single-document write).
     *
     * @return false when nothing was due (already applied, or changed meanwhile)
     * @throws org.springframework.dao.OptimisticLockingFailureException if someone saved it in between
     */
    public boolean appliquerChangementEchu(AdhesionId id) {
        Optional<Adhesion> lue = adhesions.trouver(id);
        if (lue.isEmpty()) {
            return false;
        }
        Adhesion adhesion = lue.get();
        Membre membre = membreDe(adhesion);
        if (!adhesion.appliquerChangementEchu(aujourdhui())) {
            return false;
        }
        Adhesion enregistree = adhesions.mettreAJour(adhesion, publies.messages(adhesion, membre));
        LOG.info("Adhesion {} is now {}: planned change effective", id, enregistree.statut());
        return true;
    }

    /** Ids of the adhésions whose planned change is due today or earlier. */
    public List<AdhesionId> adhesionsAvecChangementEchu(int limite) {
        return adhesions.avecChangementEchu(aujourdhui(), limite);
    }

    private AdhesionDetaillee faire(AdhesionId id, Acteur acteur, Consumer<Adhesion> etape) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Adhesion adhesion = adhesions.trouver(id).orElseThrow(() -> introuvable(id));
        Membre membre = membreDe(adhesion);
        etape.accept(adhesion);
        Adhesion enregistree = adhesions.mettreAJour(adhesion, publies.messages(adhesion, membre));
        LOG.info("Adhesion {} is now {}{} ({})", id, enregistree.statut(),
                enregistree.changementPrevu().map(c -> ", " + c.type() + " planned on " + c.dateEffet()).orElse(""),
                acteur.sujet());
        return new AdhesionDetaillee(enregistree, membre);
    }

    private AdhesionDetaillee detailler(Adhesion adhesion) {
        return new AdhesionDetaillee(adhesion, membreDe(adhesion));
    }

    private Membre membreDe(Adhesion adhesion) {
        return membres.trouver(adhesion.membre()).orElseThrow(() -> new IllegalStateException(
                "Member " + adhesion.membre() + " of adhesion " + adhesion.id() + " is missing"));
    }

    private LocalDate aujourdhui() {
        return LocalDate.now(horloge.withZone(PARIS));
    }

    private static boolean estPersonnel(Acteur acteur) {
        return acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN);
    }

    private static RessourceIntrouvableException introuvable(AdhesionId id) {
        return new RessourceIntrouvableException("Adhésion " + id + " introuvable.");
    }

    private static TransitionInterditeException dejaEnCours(Siren siren, String statut) {
        return new TransitionInterditeException(statut, "Le membre " + siren
                + " a déjà une adhésion en cours (" + statut + ") : elle doit être résiliée avant une nouvelle demande.");
    }
}
