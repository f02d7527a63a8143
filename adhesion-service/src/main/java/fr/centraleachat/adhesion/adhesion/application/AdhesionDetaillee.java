package fr.centraleachat.adhesion.adhesion.application;

import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.membre.domain.Membre;

/** An adhésion with the member it belongs to, as callers want to see it. */
public record AdhesionDetaillee(Adhesion adhesion, Membre membre) {
}
