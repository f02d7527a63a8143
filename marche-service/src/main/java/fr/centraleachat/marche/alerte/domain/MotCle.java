package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A word or phrase a supplier looks for in the objet of a consultation or the title of a lot, compared without
 * accents nor case, at the start of a word: « papier » finds « Papiers recyclés », « equipement » finds
 * « Équipements », but « bus » does not find « abusif ».
 *
 * @param texte as the supplier typed it (1 to {@value #LONGUEUR_MAX} characters)
 */
public record MotCle(String texte) {

    public static final int LONGUEUR_MAX = 50;

    private static final Pattern DIACRITIQUES = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATEURS = Pattern.compile("[^\\p{L}\\p{N}]+");

    public MotCle {
        if (texte == null || texte.isBlank()) {
            throw new ValeurInvalideException("motsCles", "Un mot-clé ne peut pas être vide.");
        }
        if (texte.length() > LONGUEUR_MAX) {
            throw new ValeurInvalideException("motsCles", "Un mot-clé compte " + LONGUEUR_MAX
                    + " caractères au plus.");
        }
        if (normaliser(texte).isBlank()) {
            throw new ValeurInvalideException("motsCles", "Le mot-clé « " + texte
                    + " » ne contient ni lettre ni chiffre.");
        }
    }

    /** Whether the keyword starts a word of {@code texteNormalise} (a text passed through {@link #normaliser}). */
    public boolean figureDans(String texteNormalise) {
        String cherche = normaliser(texte);
        return (" " + texteNormalise).contains(" " + cherche);
    }

    /**
     * Lower case, without accents (œ and æ spelt out), words separated by one space, with a space at each end so that
     * a keyword is looked for at word starts.
     */
    public static String normaliser(String texte) {
        String sansAccents = DIACRITIQUES.matcher(Normalizer.normalize(texte, Normalizer.Form.NFD)).replaceAll("");
        String minuscules = sansAccents.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae")
                .replace("ß", "ss");
        return SEPARATEURS.matcher(minuscules).replaceAll(" ").strip();
    }

    @Override
    public String toString() {
        return texte;
    }
}
