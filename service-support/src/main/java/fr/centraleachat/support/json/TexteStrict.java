package fr.centraleachat.support.json;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.text.Normalizer;

/**
 * The rules every text received by a service obeys: NFC-normalised (so that "é" typed two ways compares equal),
 * no control characters but line breaks and tabs, no bidirectional overrides (which can make a displayed text read
 * differently from what is stored). A blank text is no value: it is read as absent, so that a required field gets its
 * "obligatoire" message along with every other field's, and an optional one is not stored as spaces.
 */
public final class TexteStrict {

    private TexteStrict() {
    }

    public static String normaliser(String champ, String valeur) {
        if (valeur == null) {
            return null;
        }
        String texte = Normalizer.isNormalized(valeur, Normalizer.Form.NFC) ? valeur
                : Normalizer.normalize(valeur, Normalizer.Form.NFC);
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            if (interdit(c)) {
                throw new ValeurInvalideException(champ, String.format(
                        "Le texte contient un caractère interdit (U+%04X) en position %d.", (int) c, i + 1));
            }
        }
        return blanc(texte) ? null : texte;
    }

    /** Blank in the Unicode sense: no-break and typographic spaces count, unlike {@link String#isBlank()}. */
    static boolean blanc(String texte) {
        return texte.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u2060');
    }

    private static boolean interdit(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c)
                // Bidirectional embeddings, overrides and isolates.
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C'
                // Byte-order mark inside a value, unassigned surrogates halves are caught by the UTF-8 decoder.
                || c == '\uFEFF';
    }
}
