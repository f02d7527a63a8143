package fr.centraleachat.kernel;

import java.util.regex.Pattern;

/**
 * The number of a notified marché, which the catalogue also uses for the contract: year, consultation counter and
 * lot, {@code AAAA-NNNN-Lk} (e.g. {@code 2027-0042-L1}).
 */
public record NumeroMarche(String valeur) {

    private static final Pattern FORME = Pattern.compile("\\d{4}-\\d{4,6}-L\\d{1,3}");

    public NumeroMarche {
        if (valeur == null || !FORME.matcher(valeur).matches()) {
            throw new ValeurInvalideException("numero", "Un numéro de marché s'écrit AAAA-NNNN-Lk (ex. 2027-0042-L1).");
        }
    }

    public static boolean estValide(String valeur) {
        return valeur != null && FORME.matcher(valeur).matches();
    }

    @Override
    public String toString() {
        return valeur;
    }
}
