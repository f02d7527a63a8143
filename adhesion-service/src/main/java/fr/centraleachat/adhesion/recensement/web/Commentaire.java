package fr.centraleachat.adhesion.recensement.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fr.centraleachat.adhesion.recensement.domain.BesoinLot;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.json.TexteStrict;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An optional free text. Texts are read blank-as-absent, so a plain String would take a blank comment for no
 * comment; sent, it must say something.
 */
@Schema(type = "string", maxLength = BesoinLot.COMMENTAIRE_MAX, description = "Commentaire (1 à 1000 caractères)")
public record Commentaire(String texte) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Commentaire {
        // A delegating creator receives the raw text: apply the rules every text of a request obeys.
        texte = TexteStrict.normaliser("commentaire", texte);
        if (texte == null) {
            throw new ValeurInvalideException("commentaire", "Le commentaire, s'il est donné, ne peut pas être vide.");
        }
        if (texte.length() > BesoinLot.COMMENTAIRE_MAX) {
            throw new ValeurInvalideException("commentaire", "Le commentaire dépasse 1000 caractères.");
        }
    }

    @JsonValue
    public String texte() {
        return texte;
    }
}
