package fr.centraleachat.diffusion.webhook.domain;

import fr.centraleachat.kernel.TransitionInterditeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook subscription: an information system's URL, the event types it wants, the secret its deliveries are
 * signed with, and how far in the journal it has been served. Deliveries follow the journal's order, one event at a
 * time; a failure is retried with a growing delay, and after {@code tentativesMax} failures in a row the
 * subscription is parked until its owner resumes it (from where it stopped, or from another cursor).
 */
public final class Abonnement {

    static final Duration PREMIER_DELAI = Duration.ofSeconds(1);
    static final Duration DELAI_MAX = Duration.ofMinutes(5);

    private final String id;
    private final String proprietaire;
    private final UrlWebhook url;
    private final Set<String> types;
    private final String secret;
    private final Instant creeLe;
    private StatutAbonnement statut;
    private long position;
    private int echecsConsecutifs;
    private Instant prochaineTentative;
    private String derniereErreur;
    private Instant derniereLivraison;
    private long livres;
    private long version;

    private Abonnement(String id, String proprietaire, UrlWebhook url, Set<String> types, String secret,
            Instant creeLe, StatutAbonnement statut, long position, int echecsConsecutifs,
            Instant prochaineTentative, String derniereErreur, Instant derniereLivraison, long livres, long version) {
        this.id = Objects.requireNonNull(id);
        this.proprietaire = Objects.requireNonNull(proprietaire);
        this.url = Objects.requireNonNull(url);
        this.types = Set.copyOf(types);
        this.secret = Objects.requireNonNull(secret);
        this.creeLe = Objects.requireNonNull(creeLe);
        this.statut = Objects.requireNonNull(statut);
        this.position = position;
        this.echecsConsecutifs = echecsConsecutifs;
        this.prochaineTentative = prochaineTentative;
        this.derniereErreur = derniereErreur;
        this.derniereLivraison = derniereLivraison;
        this.livres = livres;
        this.version = version;
    }

    /** A new subscription, served from the journal position {@code depuis} on. */
    public static Abonnement creer(String id, String proprietaire, UrlWebhook url, Set<String> types, String secret,
            long depuis, Instant maintenant) {
        return new Abonnement(id, proprietaire, url, types, secret, maintenant, StatutAbonnement.ACTIF, depuis, 0,
                null, null, null, 0, 0);
    }

    public static Abonnement relire(String id, String proprietaire, UrlWebhook url, Set<String> types, String secret,
            Instant creeLe, StatutAbonnement statut, long position, int echecsConsecutifs, Instant prochaineTentative,
            String derniereErreur, Instant derniereLivraison, long livres, long version) {
        return new Abonnement(id, proprietaire, url, types, secret, creeLe, statut, position, echecsConsecutifs,
                prochaineTentative, derniereErreur, derniereLivraison, livres, version);
    }

    /** Whether a delivery may be attempted now. */
    public boolean estDu(Instant maintenant) {
        return statut == StatutAbonnement.ACTIF
                && (prochaineTentative == null || !prochaineTentative.isAfter(maintenant));
    }

    /** The event at {@code position} was accepted by the receiver (or was not for it): go on after it. */
    public void avancer(long nouvellePosition, boolean livre, Instant maintenant) {
        if (nouvellePosition < position) {
            throw new IllegalArgumentException("a subscription never goes back by itself");
        }
        position = nouvellePosition;
        if (livre) {
            livres++;
            derniereLivraison = maintenant;
            echecsConsecutifs = 0;
            prochaineTentative = null;
            derniereErreur = null;
        }
    }

    /** A delivery failed: try again later, or park the subscription after too many failures in a row. */
    public void echouer(String erreur, Instant maintenant, int tentativesMax) {
        echecsConsecutifs++;
        derniereErreur = erreur.length() > 500 ? erreur.substring(0, 500) : erreur;
        if (echecsConsecutifs >= tentativesMax) {
            statut = StatutAbonnement.SUSPENDU;
            prochaineTentative = null;
        } else {
            prochaineTentative = maintenant.plus(delai(echecsConsecutifs));
        }
    }

    /** The owner resumes a subscription, from where it stopped or from the position given (a replay). */
    public void reprendre(Long depuis) {
        if (statut == StatutAbonnement.ACTIF && depuis == null) {
            throw new TransitionInterditeException(statut.name(), "Cet abonnement est déjà actif : donnez un curseur pour rejouer "
                    + "les événements depuis ce point.");
        }
        statut = StatutAbonnement.ACTIF;
        echecsConsecutifs = 0;
        prochaineTentative = null;
        if (depuis != null) {
            position = depuis;
        }
    }

    static Duration delai(int echecs) {
        long secondes = PREMIER_DELAI.toSeconds() << Math.min(echecs - 1, 20);
        return secondes > DELAI_MAX.toSeconds() ? DELAI_MAX : Duration.ofSeconds(secondes);
    }

    public boolean appartientA(String sujet) {
        return proprietaire.equals(sujet);
    }

    public String id() { return id; }
    public String proprietaire() { return proprietaire; }
    public UrlWebhook url() { return url; }
    public Set<String> types() { return types; }
    public String secret() { return secret; }
    public Instant creeLe() { return creeLe; }
    public StatutAbonnement statut() { return statut; }
    public long position() { return position; }
    public int echecsConsecutifs() { return echecsConsecutifs; }
    public Instant prochaineTentative() { return prochaineTentative; }
    public String derniereErreur() { return derniereErreur; }
    public Instant derniereLivraison() { return derniereLivraison; }
    public long livres() { return livres; }
    public long version() { return version; }

    /** The store took this state: the next write must start from it. */
    public void enregistre() {
        version++;
    }
}
