package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

/** Reasons and justifications written by the acheteur: mandatory where the law asks for a motive, bounded. */
final class Textes {

    static final int LONGUEUR_MAX = 2000;

    private Textes() {
    }

    static String exiger(String texte, String champ, String message) {
        if (texte == null || texte.isBlank()) {
            throw new ValeurInvalideException(champ, message);
        }
        String nettoye = texte.strip();
        if (nettoye.length() > LONGUEUR_MAX) {
            throw new ValeurInvalideException(champ, "Le texte ne doit pas dépasser " + LONGUEUR_MAX + " caractères.");
        }
        return nettoye;
    }
}
