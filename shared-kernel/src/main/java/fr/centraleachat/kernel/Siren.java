package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** SIREN of a legal entity: 9 digits with a Luhn check digit. */
public record Siren(String valeur) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Siren {
        if (!estValide(valeur)) {
            throw new ValeurInvalideException("siren",
                    "Le SIREN « " + valeur + " » est invalide : 9 chiffres attendus avec une clé de contrôle correcte.");
        }
    }

    public static boolean estValide(String valeur) {
        return Luhn.estNumerique(valeur, 9) && Luhn.estValide(valeur);
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
