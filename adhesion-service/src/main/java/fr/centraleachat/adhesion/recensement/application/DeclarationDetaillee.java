package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;

/** A member's declaration with the member it belongs to. */
public record DeclarationDetaillee(DeclarationBesoins declaration, Membre membre) {
}
