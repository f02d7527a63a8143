package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.regex.Pattern;

/**
 * A French département by its official code: 01 to 95 (20 no longer exists: Corsica is 2A and 2B), and the overseas
 * ones 971 to 976.
 */
public record Departement(String code) {

    private static final Pattern METROPOLE = Pattern.compile("0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]");
    private static final Pattern OUTRE_MER = Pattern.compile("97[1-6]");

    public Departement {
        if (code == null || !(METROPOLE.matcher(code).matches() || OUTRE_MER.matcher(code).matches())) {
            throw new ValeurInvalideException("departements", "Le département « " + abrege(code) + " » n'existe pas :"
                    + " un code de 01 à 95, 2A, 2B ou de 971 à 976 est attendu.");
        }
    }

    private static String abrege(String code) {
        return code == null ? "" : code.length() > 10 ? code.substring(0, 10) + "…" : code;
    }

    @Override
    public String toString() {
        return code;
    }
}
