package fr.centraleachat.marche.question.domain;

import fr.centraleachat.kernel.Siret;
import java.util.Objects;

/** Who asked a question: the supplier's account and its company. Never shown but to the centrale's staff. */
public record Auteur(String sujet, Siret siret) {

    public Auteur {
        if (sujet == null || sujet.isBlank()) {
            throw new IllegalArgumentException("A question's author has a subject");
        }
        Objects.requireNonNull(siret, "siret");
    }
}
