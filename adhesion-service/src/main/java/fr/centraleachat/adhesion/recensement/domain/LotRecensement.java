package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;

/**
 * One lot members declare their needs for, numbered from 1 in the order the acheteur gave.
 *
 * @param codeCpv the lot's own CPV code, or null when it is the recensement's main one
 */
public record LotRecensement(int numero, String description, String unite, CodeCpv codeCpv) {

    public static final int DESCRIPTION_MAX = 300;
    public static final int UNITE_MAX = 30;

    public LotRecensement {
        if (numero < 1) {
            throw new ValeurInvalideException("lots", "Le numéro de lot commence à 1.");
        }
        description = texte(description, DESCRIPTION_MAX, "description", "La description du lot " + numero);
        unite = texte(unite, UNITE_MAX, "unite", "L'unité du lot " + numero);
    }

    private static String texte(String valeur, int max, String champ, String libelle) {
        if (valeur == null || valeur.isBlank()) {
            throw new ValeurInvalideException("lots." + champ, libelle + " est obligatoire.");
        }
        String texte = valeur.strip();
        if (texte.length() > max) {
            throw new ValeurInvalideException("lots." + champ, libelle + " dépasse " + max + " caractères.");
        }
        return texte;
    }
}
