package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** SIRET of an establishment: its SIREN followed by a 5-digit NIC, Luhn-checked over the 14 digits. */
public record Siret(String valeur) {

    /** La Poste's establishments do not follow Luhn: their digits sum to a multiple of 5 instead. */
    private static final String SIREN_LA_POSTE = "356000000";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Siret {
        if (!estValide(valeur)) {
            throw new ValeurInvalideException("siret",
                    "Le SIRET « " + valeur + " » est invalide : 14 chiffres attendus avec une clé de contrôle correcte.");
        }
    }

    public static boolean estValide(String valeur) {
        if (!Luhn.estNumerique(valeur, 14)) {
            return false;
        }
        if (valeur.startsWith(SIREN_LA_POSTE)) {
            return valeur.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return Luhn.estValide(valeur);
    }

    public Siren siren() {
        return new Siren(valeur.substring(0, 9));
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
