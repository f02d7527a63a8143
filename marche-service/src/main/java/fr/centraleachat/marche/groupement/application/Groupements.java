package fr.centraleachat.marche.groupement.application;

import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import java.util.Optional;

/** The groupements known from adhesion-service's events. */
public interface Groupements {

    Optional<GroupementDeCommandes> trouver(String id);

    /**
     * Keeps the state unless a later one (higher sequence) is already kept.
     *
     * @return false when the stored state was as recent or more
     */
    boolean appliquer(GroupementDeCommandes etat);
}
