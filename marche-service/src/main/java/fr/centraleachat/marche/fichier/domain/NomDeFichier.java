package fr.centraleachat.marche.fichier.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.text.Normalizer;

/** A file name as a depositor gives it: kept for display only, so bounded and stripped of any path. */
public final class NomDeFichier {

    public static final int LONGUEUR_MAX = 200;

    private NomDeFichier() {
    }

    public static String valider(String nom) {
        if (nom == null || nom.isBlank()) {
            throw new ValeurInvalideException("fichier", "Le nom du fichier est obligatoire.");
        }
        String normalise = Normalizer.normalize(nom, Normalizer.Form.NFC).strip();
        int separateur = Math.max(normalise.lastIndexOf('/'), normalise.lastIndexOf('\\'));
        normalise = normalise.substring(separateur + 1);
        if (normalise.isEmpty() || normalise.equals(".") || normalise.equals("..")) {
            throw new ValeurInvalideException("fichier", "Le nom du fichier est invalide.");
        }
        if (normalise.length() > LONGUEUR_MAX) {
            throw new ValeurInvalideException("fichier", "Le nom du fichier ne doit pas dépasser " + LONGUEUR_MAX
                    + " caractères.");
        }
        if (normalise.codePoints().anyMatch(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069))) {
            throw new ValeurInvalideException("fichier", "Le nom du fichier contient des caractères interdits.");
        }
        return normalise;
    }
}
