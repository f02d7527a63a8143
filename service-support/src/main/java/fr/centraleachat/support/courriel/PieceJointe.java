package fr.centraleachat.support.courriel;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * A file attached to a {@link Courriel}: its name as the recipient sees it, its content type and its bytes (copied
 * in and out, so the value cannot change after it was checked).
 */
public record PieceJointe(String nom, String typeContenu, byte[] contenu) {

    static final int NOM_MAX = 200;

    public PieceJointe {
        if (nom == null || nom.isBlank() || nom.length() > NOM_MAX || nom.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || nom.contains("/") || nom.contains("\\")) {
            throw new ValeurInvalideException("piecesJointes.nom", "Le nom de la pièce jointe « " + nom
                    + " » est invalide : 1 à " + NOM_MAX + " caractères, sans chemin ni caractère de contrôle.");
        }
        try {
            MimeTypeUtils.parseMimeType(Objects.requireNonNullElse(typeContenu, ""));
        } catch (InvalidMimeTypeException e) {
            throw new ValeurInvalideException("piecesJointes.typeContenu",
                    "Le type de contenu « " + typeContenu + " » de la pièce jointe " + nom + " est invalide.");
        }
        if (contenu == null) {
            throw new ValeurInvalideException("piecesJointes.contenu", "La pièce jointe " + nom + " n'a pas de contenu.");
        }
        contenu = contenu.clone();
    }

    @Override
    public byte[] contenu() {
        return contenu.clone();
    }

    /** Size in bytes, without copying the content. */
    public int taille() {
        return contenu.length;
    }

    byte[] contenuSansCopie() {
        return contenu;
    }

    @Override
    public boolean equals(Object autre) {
        return autre instanceof PieceJointe p && nom.equals(p.nom) && typeContenu.equals(p.typeContenu)
                && Arrays.equals(contenu, p.contenu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nom, typeContenu, Arrays.hashCode(contenu));
    }

    @Override
    public String toString() {
        return "PieceJointe[" + nom + ", " + typeContenu + ", " + contenu.length + " octets]";
    }
}
