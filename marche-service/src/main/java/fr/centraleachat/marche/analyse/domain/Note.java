package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;

/** The acheteur's score of an offer on a non-price criterion: 0 to the criterion's weight, with its reason. */
public record Note(BigDecimal valeur, String commentaire) {

    public static final int LONGUEUR_MAX_COMMENTAIRE = 2000;

    public Note {
        if (valeur == null || valeur.signum() < 0 || valeur.scale() > 2) {
            throw new ValeurInvalideException("note", "La note doit être positive ou nulle, avec au plus deux décimales.");
        }
        if (commentaire == null || commentaire.isBlank()) {
            throw new ValeurInvalideException("commentaire", "La note doit être motivée par un commentaire.");
        }
        commentaire = commentaire.strip();
        if (commentaire.length() > LONGUEUR_MAX_COMMENTAIRE) {
            throw new ValeurInvalideException("commentaire", "Le commentaire ne doit pas dépasser "
                    + LONGUEUR_MAX_COMMENTAIRE + " caractères.");
        }
    }
}
