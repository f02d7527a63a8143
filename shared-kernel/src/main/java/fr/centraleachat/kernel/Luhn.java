package fr.centraleachat.kernel;

/** Luhn (mod 10) check used by SIREN and SIRET. */
final class Luhn {

    private Luhn() {
    }

    static boolean estValide(String chiffres) {
        int somme = 0;
        for (int i = 0; i < chiffres.length(); i++) {
            int chiffre = chiffres.charAt(chiffres.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                chiffre *= 2;
                if (chiffre > 9) {
                    chiffre -= 9;
                }
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    static boolean estNumerique(String valeur, int longueur) {
        if (valeur == null || valeur.length() != longueur) {
            return false;
        }
        for (int i = 0; i < valeur.length(); i++) {
            if (valeur.charAt(i) < '0' || valeur.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
