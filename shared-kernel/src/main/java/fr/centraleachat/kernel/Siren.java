package fr.centraleachat.kernel;

/** SIREN of a legal entity: 9 digits with a Luhn check digit. */
public record Siren(String valeur) {

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
}
