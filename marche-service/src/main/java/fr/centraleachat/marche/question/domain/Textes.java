package fr.centraleachat.marche.question.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

/** The texts of questions and answers: required, stripped, bounded. */
final class Textes {

    private Textes() {
    }

    static String valide(String texte, String champ, String nom, int longueurMax) {
        if (texte == null || texte.isBlank()) {
            throw new ValeurInvalideException(champ, nom + " est obligatoire.");
        }
        String nettoye = texte.strip();
        if (nettoye.length() > longueurMax) {
            throw new ValeurInvalideException(champ, nom + " ne doit pas dépasser " + longueurMax + " caractères.");
        }
        return nettoye;
    }
}
