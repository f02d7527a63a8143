package fr.centraleachat.adhesion.membre.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.Siren;
import java.util.List;
import java.util.Optional;

/** Where members are kept. */
public interface Membres {

    Optional<Membre> trouver(Siren siren);

    List<Membre> lister(Optional<TypeMembre> type);

    /** Inserts the member; returns false when a member with this SIREN already exists. */
    boolean ajouter(Membre membre);
}
