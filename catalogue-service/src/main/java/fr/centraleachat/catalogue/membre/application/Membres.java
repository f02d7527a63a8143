package fr.centraleachat.catalogue.membre.application;

import fr.centraleachat.catalogue.membre.domain.Membre;
import fr.centraleachat.kernel.Siren;
import java.util.List;
import java.util.Optional;

/** Where the member projection is kept. */
public interface Membres {

    Optional<Membre> trouver(Siren siren);

    /**
     * Saves the member's new state together with the id of the event that produced it, unless that event was
     * already applied.
     *
     * @return false for a duplicate event (nothing written)
     */
    boolean enregistrer(Membre membre, String evenementId);

    /** Members whose adhésion is active, by name. */
    List<Membre> actifs();
}
