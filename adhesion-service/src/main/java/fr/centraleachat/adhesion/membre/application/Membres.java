package fr.centraleachat.adhesion.membre.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.Siren;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where members are kept. */
public interface Membres {

    Optional<Membre> trouver(Siren siren);

    List<Membre> lister(Optional<TypeMembre> type);

    /** The registered members among these SIREN, looked up by id; unknown ones are left out. */
    Map<Siren, Membre> trouverTous(Collection<Siren> sirens);

    /** Inserts the member; returns false when a member with this SIREN already exists. */
    boolean ajouter(Membre membre);
}
