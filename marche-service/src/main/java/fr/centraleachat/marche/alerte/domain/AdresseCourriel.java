package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.regex.Pattern;

/**
 * A bare e-mail address (no display name, no comment), as a mail can be sent to it: at most 254 characters, one
 * {@code @}, a local part of 64 characters at most, a domain of dot-separated labels. Kept as typed: mailboxes are
 * case-sensitive in principle.
 */
public record AdresseCourriel(String valeur) {

    public static final int LONGUEUR_MAX = 254;

    private static final Pattern FORME = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public AdresseCourriel {
        if (valeur == null || valeur.isBlank()) {
            throw new ValeurInvalideException("email", "L'adresse électronique est obligatoire.");
        }
        if (valeur.length() > LONGUEUR_MAX || !FORME.matcher(valeur).matches() || valeur.startsWith(".")
                || valeur.contains("..") || valeur.contains(".@")) {
            throw new ValeurInvalideException("email", "L'adresse électronique « " + abrege(valeur)
                    + " » est invalide : une adresse simple (ex. appels-offres@entreprise.fr) de "
                    + LONGUEUR_MAX + " caractères au plus.");
        }
    }

    private static String abrege(String valeur) {
        return valeur.length() > 60 ? valeur.substring(0, 60) + "…" : valeur;
    }

    @Override
    public String toString() {
        return valeur;
    }
}
