package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * Common Procurement Vocabulary code, {@code 30192000-1}: 8 digits, a dash and a check digit. The check digit
 * is the weighted sum of the 8 digits (weights 3, 7, 1 repeating) modulo 10.
 */
public record CodeCpv(String valeur) {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}-\\d");
    private static final int[] POIDS = {3, 7, 1, 3, 7, 1, 3, 7};

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CodeCpv {
        if (valeur == null || !FORMAT.matcher(valeur).matches()) {
            throw new ValeurInvalideException("cpv",
                    "Le code CPV « " + valeur + " » est invalide : format attendu 8 chiffres, un tiret et une clé (ex. 30192000-1).");
        }
        if (cleDeControle(valeur.substring(0, 8)) != valeur.charAt(9) - '0') {
            throw new ValeurInvalideException("cpv",
                    "Le code CPV « " + valeur + " » a une clé de contrôle incorrecte.");
        }
    }

    public static boolean estValide(String valeur) {
        return valeur != null && FORMAT.matcher(valeur).matches()
                && cleDeControle(valeur.substring(0, 8)) == valeur.charAt(9) - '0';
    }

    static int cleDeControle(String huitChiffres) {
        int somme = 0;
        for (int i = 0; i < 8; i++) {
            somme += (huitChiffres.charAt(i) - '0') * POIDS[i];
        }
        return somme % 10;
    }

    /** The division, first level of the CPV tree (e.g. {@code 30} for office machinery). */
    public String division() {
        return valeur.substring(0, 2);
    }

    @Override
    public String toString() {
        return valeur;
    }

    @JsonValue
    public String valeur() {
        return valeur;
    }

}
