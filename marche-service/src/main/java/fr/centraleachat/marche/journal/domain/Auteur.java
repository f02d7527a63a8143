package fr.centraleachat.marche.journal.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who did what a journal entry records: the subject of the access token (or the system) and the roles it held.
 * Roles are kept sorted and without duplicates so that one author always hashes the same way.
 *
 * @param sujet the token's subject; {@link #SYSTEME} for steps the service takes by itself (automatic closing)
 * @param roles role names, e.g. {@code ACHETEUR}; may be empty (a client acting by scope only)
 */
public record Auteur(String sujet, List<String> roles) {

    public static final int LONGUEUR_MAX_SUJET = 255;
    /** Upper-case identifiers only, so that roles joined with a comma stay unambiguous in the hashed form. */
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** The service itself, e.g. closing a consultation once its DLRO has passed. */
    public static final Auteur SYSTEME = new Auteur("systeme", List.of("SYSTEME"));

    /**
     * A supplier acting on its plis, unnamed: before the opening the acheteur, who reads the journal, may know how
     * many plis there are, not who filed them. The pli number in the entry leads to the supplier after the opening.
     */
    public static final Auteur SOUMISSIONNAIRE = new Auteur("soumissionnaire", List.of("FOURNISSEUR"));

    public Auteur {
        if (sujet == null || sujet.isBlank()) {
            throw new ValeurInvalideException("acteur", "L'auteur d'une entrée du journal est obligatoire.");
        }
        if (sujet.length() > LONGUEUR_MAX_SUJET) {
            throw new ValeurInvalideException("acteur", "L'identifiant de l'auteur ne doit pas dépasser "
                    + LONGUEUR_MAX_SUJET + " caractères.");
        }
        if (roles == null) {
            throw new ValeurInvalideException("roles", "Les rôles de l'auteur sont obligatoires (liste vide admise).");
        }
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw new ValeurInvalideException("roles", "Rôle invalide dans le journal : « " + role + " ».");
            }
        }
        roles = roles.stream().distinct().sorted().toList();
    }
}
