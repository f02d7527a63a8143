package fr.centraleachat.diffusion.webhook.application;

import fr.centraleachat.diffusion.flux.application.JournalEvenements;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The subscriptions' use cases. A subscription belongs to the client that registered it (its token's subject);
 * an administrator sees and manages them all. The secret is generated here and shown once, at creation.
 */
@Service
public class ServiceAbonnements {

    private static final SecureRandom ALEA = new SecureRandom();
    /** The word for the journal's start, where a client has no cursor yet: {@code "depuis": "debut"}. */
    public static final String DEBUT = "debut";

    private final Abonnements abonnements;
    private final JournalEvenements journal;
    private final Livraisons livraisons;
    private final WebhooksProperties proprietes;
    private final Clock horloge;
    private final DestinationsWebhook destinations;

    public ServiceAbonnements(Abonnements abonnements, JournalEvenements journal, Livraisons livraisons,
            WebhooksProperties proprietes, Clock horloge) {
        this.abonnements = abonnements;
        this.journal = journal;
        this.livraisons = livraisons;
        this.proprietes = proprietes;
        this.horloge = horloge;
        this.destinations = new DestinationsWebhook(proprietes.destinationsInternes());
    }

    /** Registers a subscription, served from the cursor given, else from now on (the journal's head). */
    public Abonnement creer(Acteur acteur, String url, List<String> types, String depuis) {
        UrlWebhook adresse = UrlWebhook.de(url);
        destinations.verifierALEnregistrement(adresse);
        FiltreFlux filtre = FiltreFlux.de(types, null);
        long position = position(depuis, journal.tete());
        if (abonnements.compterDeProprietaire(acteur.sujet()) >= proprietes.parProprietaire()) {
            throw new RegleMetierException("Au plus " + proprietes.parProprietaire() + " abonnements par système : "
                    + "supprimez-en un avant d'en créer un autre.");
        }
        Abonnement abonnement = Abonnement.creer(UUID.randomUUID().toString(), acteur.sujet(), adresse,
                filtre.types(), secret(), position, horloge.instant());
        abonnements.creer(abonnement);
        livraisons.reveiller();
        return abonnement;
    }

    public Abonnement lire(String id, Acteur acteur) {
        return sien(id, acteur);
    }

    public PageVue<Abonnement> lister(Acteur acteur, PageDemandee page) {
        if (acteur.a(Role.ADMIN)) {
            return new PageVue<>(abonnements.tous((int) page.decalage(), page.taille()), page.page(), page.taille(),
                    abonnements.compterTous());
        }
        return new PageVue<>(abonnements.deProprietaire(acteur.sujet(), (int) page.decalage(), page.taille()),
                page.page(), page.taille(), abonnements.compterDeProprietaire(acteur.sujet()));
    }

    /** Resumes a parked subscription, or replays from a cursor: events after it are delivered again. */
    public Abonnement reprendre(String id, Acteur acteur, String depuis) {
        Abonnement abonnement = sien(id, acteur);
        Long position = depuis == null ? null : position(depuis, journal.tete());
        abonnement.reprendre(position);
        if (!abonnements.enregistrer(abonnement)) {
            throw introuvable();
        }
        livraisons.reveiller();
        return abonnement;
    }

    public void supprimer(String id, Acteur acteur) {
        sien(id, acteur);
        abonnements.supprimer(id);
    }

    private Abonnement sien(String id, Acteur acteur) {
        if (id == null || id.length() > 64) {
            throw introuvable();
        }
        return abonnements.trouver(id)
                .filter(a -> a.appartientA(acteur.sujet()) || acteur.a(Role.ADMIN))
                .orElseThrow(ServiceAbonnements::introuvable);
    }

    private static long position(String curseur, long tete) {
        if (curseur == null) {
            return tete;
        }
        if (DEBUT.equals(curseur)) {
            return Curseur.DEBUT.position();
        }
        long position = Curseur.lire(curseur).position();
        if (position > tete) {
            throw new ValeurInvalideException("depuis", "Ce curseur désigne une position au-delà du journal.");
        }
        return position;
    }

    private static String secret() {
        byte[] octets = new byte[32];
        ALEA.nextBytes(octets);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(octets);
    }

    private static RessourceIntrouvableException introuvable() {
        return new RessourceIntrouvableException("Abonnement introuvable.");
    }
}
