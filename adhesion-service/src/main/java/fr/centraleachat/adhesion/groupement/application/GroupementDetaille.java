package fr.centraleachat.adhesion.groupement.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.kernel.Siren;
import java.util.Map;

/** A groupement with its members' names and types. */
public record GroupementDetaille(Groupement groupement, Map<Siren, Membre> membres) {
}
