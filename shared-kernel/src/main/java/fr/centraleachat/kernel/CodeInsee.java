package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** INSEE code of a commune: 5 characters, digits except Corsica's 2A/2B department prefix. */
public record CodeInsee(String valeur) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2}|2A|2B)\\d{3}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CodeInsee {
        if (valeur == null || !FORMAT.matcher(valeur).matches()) {
            throw new ValeurInvalideException("codeInsee",
                    "Le code INSEE « " + valeur + " » est invalide : 5 caractères attendus (ex. 21231).");
        }
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
