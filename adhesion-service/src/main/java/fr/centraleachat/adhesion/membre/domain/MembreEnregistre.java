package fr.centraleachat.adhesion.membre.domain;

import fr.centraleachat.kernel.Siren;

/** A public body was registered as a possible member of the centrale. */
public record MembreEnregistre(Siren siren, String nom, TypeMembre type) {
}
