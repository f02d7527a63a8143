package fr.centraleachat.diffusion.webhook.application;

import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The webhook subscriptions. Each write is one document's; deliverers take a subscription by a lease. */
public interface Abonnements {

    void creer(Abonnement abonnement);

    Optional<Abonnement> trouver(String id);

    /** Saves the subscription's delivery state; false when it was deleted meanwhile. */
    boolean enregistrer(Abonnement abonnement);

    boolean supprimer(String id);

    List<Abonnement> deProprietaire(String proprietaire, int decalage, int taille);

    long compterDeProprietaire(String proprietaire);

    List<Abonnement> tous(int decalage, int taille);

    long compterTous();

    /**
     * Takes up to {@code nombre} active subscriptions due now and behind the journal's head, each for {@code bail}:
     * another deliverer (another thread or instance) will not take them before it ends or is given back.
     */
    List<Abonnement> prendreDus(Instant maintenant, long tete, java.time.Duration bail, int nombre);

    void rendre(String id);
}
