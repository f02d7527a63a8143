package fr.centraleachat.support.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fr.centraleachat.kernel.ValeurInvalideException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An optional text of a request body. Texts are read blank-as-absent ({@link TexteStrict}), so a plain String field
 * would take a blank value for no value at all; this one is absent when left out, and refused when sent blank. The
 * field's own bounds (length, format) are checked where it is used; the error names the field by its JSON path.
 */
@Schema(type = "string", minLength = 1)
public record TexteFacultatif(String texte) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TexteFacultatif {
        // A delegating creator receives the raw text: the rules every text of a request obeys apply first.
        texte = TexteStrict.normaliser("texte", texte);
        if (texte == null) {
            throw new ValeurInvalideException("texte", "Ce texte, s'il est donné, ne peut pas être vide.");
        }
    }

    /** The text, or null when the field was left out. */
    public static String de(TexteFacultatif facultatif) {
        return facultatif == null ? null : facultatif.texte();
    }

    @JsonValue
    public String texte() {
        return texte;
    }
}
