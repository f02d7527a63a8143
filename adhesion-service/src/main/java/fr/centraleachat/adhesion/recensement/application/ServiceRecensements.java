package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.adhesion.application.Adhesions;
import fr.centraleachat.adhesion.membre.application.Membres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.recensement.domain.BesoinLot;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.adhesion.recensement.domain.StatutRecensement;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The recensement use cases. Staff (acheteur, admin) open, follow, remind and close; an agent sees the recensements
 * its body is invited to and declares its body's needs. Every step is a single-document write: a declaration
 * writes only the member's own document, and closing freezes every declaration before reading them, so that no
 * answer can change after it was consolidated.
 */
@Service
public class ServiceRecensements {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRecensements.class);

    private final Recensements recensements;
    private final DeclarationsBesoins declarations;
    private final Membres membres;
    private final Adhesions adhesions;
    private final EvenementsRecensementPublies publies;
    private final Clock horloge;

    public ServiceRecensements(Recensements recensements, DeclarationsBesoins declarations, Membres membres,
            Adhesions adhesions, EvenementsRecensementPublies publies, Clock horloge) {
        this.recensements = recensements;
        this.declarations = declarations;
        this.membres = membres;
        this.adhesions = adhesions;
        this.publies = publies;
        this.horloge = horloge;
    }

    public RecensementDetaille ouvrir(OuvertureRecensement demande, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        List<Siren> invites = demande.membresInvites();
        if (invites == null) {
            invites = adhesions.membresActifsPour(demande.familleAchat());
            if (invites.isEmpty()) {
                throw new RegleMetierException("membresInvites", "Aucun membre n'a d'adhésion active couvrant la"
                        + " famille d'achat " + demande.familleAchat() + " : indiquez les membres invités.");
            }
        } else {
            Set<Siren> connus = membres.trouverTous(invites).keySet();
            Set<String> inconnus = invites.stream().filter(s -> !connus.contains(s)).map(Siren::valeur)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!inconnus.isEmpty()) {
                throw new RegleMetierException("membresInvites", "Membre(s) non enregistré(s) : "
                        + String.join(", ", inconnus) + ".");
            }
        }
        Recensement recensement = Recensement.ouvrir(RecensementId.nouveau(), demande.objet(), demande.familleAchat(),
                demande.nature(), demande.cpvPrincipal(), demande.lots(), invites,
                demande.dateCloture() == null ? null : demande.dateCloture().truncatedTo(ChronoUnit.MILLIS),
                acteur.sujet(), maintenant());
        // Declarations first: a crash before the recensement is saved leaves only unreachable documents.
        declarations.inviter(recensement.membresInvites().stream()
                .map(m -> DeclarationBesoins.inviter(recensement.id(), m)).toList());
        recensements.ajouter(recensement, publies.messages(recensement));
        LOG.info("Recensement {} opened for {} member(s) by {}", recensement.id(), recensement.membresInvites().size(),
                acteur.sujet());
        return detailler(recensement, acteur);
    }

    public PageVue<RecensementDetaille> lister(Optional<StatutRecensement> statut, PageDemandee page, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        Optional<Siren> invite = estPersonnel(acteur) ? Optional.empty() : Optional.of(acteur.membreDeLAgent());
        return recensements.lister(invite, statut, page)
                .map(r -> new RecensementDetaille(r, estPersonnel(acteur), null));
    }

    public RecensementDetaille consulter(RecensementId id, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        return detailler(visible(id, acteur), acteur);
    }

    public DeclarationDetaillee declarer(RecensementId id, Siren siren, List<BesoinLot> besoins, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        acteur.exigerAccesAuMembre(siren);
        Recensement recensement = recensements.trouver(id).orElseThrow(() -> introuvable(id));
        if (recensement.statut() == StatutRecensement.CLOS) {
            throw clos();
        }
        DeclarationBesoins declaration = declarations.trouver(id, siren).filter(d -> recensement.invite(siren))
                .orElseThrow(() -> new TransitionInterditeException("NON_INVITE", "Le membre " + siren
                        + " n'est pas invité à ce recensement : il ne peut pas y déclarer de besoins."));
        Membre membre = membres.trouver(siren).orElseThrow(() -> new IllegalStateException("Member " + siren
                + " invited to recensement " + id + " is missing"));
        declaration.declarer(besoins, recensement.lots(), maintenant());
        DeclarationBesoins enregistree;
        try {
            enregistree = declarations.enregistrer(declaration, publies.messages(declaration, membre));
        } catch (OptimisticLockingFailureException e) {
            // Frozen by a closing since it was read, or changed by a concurrent declaration.
            if (declarations.trouver(id, siren).map(DeclarationBesoins::clos).orElse(false)) {
                throw clos();
            }
            throw e;
        }
        LOG.info("Needs declared in recensement {} for member {}, revision {} ({})", id, siren, enregistree.revision(),
                acteur.sujet());
        return new DeclarationDetaillee(enregistree, membre);
    }

    public DeclarationDetaillee declaration(RecensementId id, Siren siren, Acteur acteur) {
        acteur.exiger(Role.AGENT, Role.ACHETEUR, Role.ADMIN);
        visible(id, acteur);
        acteur.exigerAccesAuMembre(siren);
        DeclarationBesoins declaration = declarations.trouver(id, siren).filter(DeclarationBesoins::aRepondu)
                .orElseThrow(() -> new RessourceIntrouvableException("Le membre " + siren
                        + " n'a pas déclaré de besoins dans ce recensement."));
        return new DeclarationDetaillee(declaration, membres.trouver(siren).orElse(null));
    }

    /** The acheteur closes the recensement now. */
    public RecensementDetaille cloturer(RecensementId id, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Recensement recensement = recensements.trouver(id).orElseThrow(() -> introuvable(id));
        if (recensement.statut() == StatutRecensement.CLOS) {
            throw TransitionInterditeException.depuis(recensement.statut(), "clore le recensement");
        }
        Recensement clos = clore(recensement);
        LOG.info("Recensement {} closed by {}", id, acteur.sujet());
        return detailler(clos, acteur);
    }

    /**
     * Closes a recensement whose date has come, on behalf of the system.
     *
     * @return false when it was not due (already closed, or unknown)
     * @throws OptimisticLockingFailureException if someone saved it in between
     */
    public boolean cloturerEchu(RecensementId id) {
        Optional<Recensement> lu = recensements.trouver(id);
        if (lu.isEmpty() || !lu.get().estEchu(maintenant())) {
            return false;
        }
        clore(lu.get());
        LOG.info("Recensement {} closed on its closing date", id);
        return true;
    }

    public List<RecensementId> echus(int limite) {
        return recensements.echus(maintenant(), limite);
    }

    /** Reminds the invited members without an answer; returns them. */
    public List<Membre> relancer(RecensementId id, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Recensement recensement = recensements.trouver(id).orElseThrow(() -> introuvable(id));
        Set<Siren> ayantRepondu = declarations.toutes(id, recensement.membresInvites()).stream()
                .filter(DeclarationBesoins::aRepondu).map(DeclarationBesoins::membre).collect(Collectors.toSet());
        List<Siren> relances = recensement.relancer(ayantRepondu, maintenant());
        recensements.mettreAJour(recensement, publies.messages(recensement));
        LOG.info("Recensement {}: {} member(s) reminded by {}", id, relances.size(), acteur.sujet());
        Map<Siren, Membre> parSiren = membres.trouverTous(relances);
        return relances.stream().map(parSiren::get).filter(m -> m != null).toList();
    }

    /**
     * Freeze, read, consolidate, save: a crash in between leaves the recensement open with frozen declarations, and
     * the next pass (or the acheteur) does it again with the same answers, so it is announced once.
     */
    private Recensement clore(Recensement recensement) {
        declarations.figer(recensement.id(), recensement.membresInvites());
        Map<Siren, List<BesoinLot>> reponses = new HashMap<>();
        for (DeclarationBesoins d : declarations.toutes(recensement.id(), recensement.membresInvites())) {
            if (d.aRepondu()) {
                reponses.put(d.membre(), d.lots());
            }
        }
        recensement.cloturer(reponses, maintenant());
        return recensements.mettreAJour(recensement, publies.messages(recensement));
    }

    /** A recensement an agent's body is not invited to does not exist for that agent. */
    private Recensement visible(RecensementId id, Acteur acteur) {
        return recensements.trouver(id)
                .filter(r -> estPersonnel(acteur) || acteur.membre().filter(r::invite).isPresent())
                .orElseThrow(() -> introuvable(id));
    }

    private RecensementDetaille detailler(Recensement recensement, Acteur acteur) {
        if (!estPersonnel(acteur)) {
            return new RecensementDetaille(recensement, false, null);
        }
        Map<Siren, DeclarationBesoins> parMembre = declarations.toutes(recensement.id(), recensement.membresInvites())
                .stream().collect(Collectors.toMap(DeclarationBesoins::membre, d -> d));
        Map<Siren, Membre> noms = membres.trouverTous(recensement.membresInvites());
        List<RecensementDetaille.SuiviMembre> suivi = recensement.membresInvites().stream().map(s -> {
            DeclarationBesoins d = parMembre.get(s);
            boolean repondu = d != null && d.aRepondu();
            return new RecensementDetaille.SuiviMembre(s.valeur(), noms.containsKey(s) ? noms.get(s).nom() : null,
                    repondu, repondu ? d.declareLe() : null, d == null ? 0 : d.revision());
        }).toList();
        return new RecensementDetaille(recensement, true, suivi);
    }

    /** Mongo keeps instants to the millisecond: what is answered is what is read back. */
    private Instant maintenant() {
        return horloge.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean estPersonnel(Acteur acteur) {
        return acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN);
    }

    private static TransitionInterditeException clos() {
        return new TransitionInterditeException(StatutRecensement.CLOS.name(),
                "Le recensement est clos : les besoins ne peuvent plus être déclarés ni modifiés.");
    }

    private static RessourceIntrouvableException introuvable(RecensementId id) {
        return new RessourceIntrouvableException("Recensement " + id + " introuvable.");
    }
}
