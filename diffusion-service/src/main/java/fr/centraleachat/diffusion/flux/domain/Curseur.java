package fr.centraleachat.diffusion.flux.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A place in the journal: every event at or before it has been read. Opaque to clients (they only send back what
 * the feed gave them), so the encoding may change with a new prefix while old cursors stay readable.
 */
public record Curseur(long position) {

    public static final Curseur DEBUT = new Curseur(0);
    private static final String PREFIXE = "j1:";
    private static final int LONGUEUR_MAX = 64;

    public Curseur {
        if (position < 0) {
            throw new ValeurInvalideException("after", "Un curseur ne peut désigner une position négative.");
        }
    }

    /** The cursor a client sent back; absent means the start of the journal. */
    public static Curseur lire(String texte) {
        if (texte == null || texte.isEmpty()) {
            return DEBUT;
        }
        if (texte.length() > LONGUEUR_MAX) {
            throw inconnu();
        }
        try {
            String clair = new String(Base64.getUrlDecoder().decode(texte), StandardCharsets.US_ASCII);
            if (!clair.startsWith(PREFIXE)) {
                throw inconnu();
            }
            long position = Long.parseLong(clair.substring(PREFIXE.length()));
            if (position < 0) {
                throw inconnu();
            }
            return new Curseur(position);
        } catch (IllegalArgumentException e) {
            // Not Base64, or not a number.
            throw inconnu();
        }
    }

    public String texte() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIXE + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static ValeurInvalideException inconnu() {
        return new ValeurInvalideException("after", "Curseur inconnu : reprenez avec le curseur donné par une "
                + "réponse du flux, ou sans curseur pour lire depuis le début.");
    }
}
