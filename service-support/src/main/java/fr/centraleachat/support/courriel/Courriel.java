package fr.centraleachat.support.courriel;

import fr.centraleachat.kernel.ValeurInvalideException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail to send: recipients, subject, a plain-text body, optionally an HTML alternative, and attachments. Checked
 * when built, so a mail in the {@link BoiteDEnvoi} can always be sent as far as its content goes: bare addresses
 * only (no display name, nothing that could add a header), a one-line subject, and at most
 * {@link #PIECES_JOINTES_MAX_OCTETS} of attachments (they are kept inline in the queued document).
 *
 * @param destinataires the {@code To} addresses, at least one, at most {@link #DESTINATAIRES_MAX}
 * @param sujet         the subject, one line
 * @param texte         the text/plain body (may be empty, not null)
 * @param html          an HTML alternative of the same content, or {@code null}
 * @param piecesJointes the attachments, in order
 */
public record Courriel(List<String> destinataires, String sujet, String texte, String html,
        List<PieceJointe> piecesJointes) {

    public static final int DESTINATAIRES_MAX = 50;
    public static final int SUJET_MAX = 250;
    public static final int TEXTE_MAX = 1_000_000;
    /** Attachments together; the queued document (inline bytes) stays well under MongoDB's 16 MB. */
    public static final long PIECES_JOINTES_MAX_OCTETS = 10L * 1024 * 1024;

    public Courriel {
        destinataires = destinataires == null ? List.of() : List.copyOf(destinataires);
        if (destinataires.isEmpty() || destinataires.size() > DESTINATAIRES_MAX) {
            throw new ValeurInvalideException("destinataires",
                    "Un courriel a de 1 à " + DESTINATAIRES_MAX + " destinataires.");
        }
        destinataires.forEach(Courriel::verifierAdresse);
        if (sujet == null || sujet.isBlank() || sujet.length() > SUJET_MAX
                || sujet.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new ValeurInvalideException("sujet",
                    "Le sujet est obligatoire, sur une ligne, de " + SUJET_MAX + " caractères au plus.");
        }
        if (texte == null || texte.length() > TEXTE_MAX) {
            throw new ValeurInvalideException("texte",
                    "Le texte est obligatoire (il peut être vide), de " + TEXTE_MAX + " caractères au plus.");
        }
        if (html != null && html.length() > TEXTE_MAX) {
            throw new ValeurInvalideException("html", "Le HTML a " + TEXTE_MAX + " caractères au plus.");
        }
        piecesJointes = piecesJointes == null ? List.of() : List.copyOf(piecesJointes);
        long total = piecesJointes.stream().mapToLong(PieceJointe::taille).sum();
        if (total > PIECES_JOINTES_MAX_OCTETS) {
            throw new ValeurInvalideException("piecesJointes", "Les pièces jointes dépassent "
                    + PIECES_JOINTES_MAX_OCTETS / (1024 * 1024) + " Mo ensemble (" + total + " octets).");
        }
    }

    /** A plain-text mail to one recipient. */
    public static Courriel texte(String destinataire, String sujet, String texte) {
        return new Courriel(List.of(destinataire), sujet, texte, null, List.of());
    }

    /** The same mail with {@code pieceJointe} attached after the others. */
    public Courriel avec(PieceJointe pieceJointe) {
        List<PieceJointe> toutes = new ArrayList<>(piecesJointes);
        toutes.add(pieceJointe);
        return new Courriel(destinataires, sujet, texte, html, toutes);
    }

    /** The same mail with an HTML alternative of its text. */
    public Courriel avecHtml(String html) {
        return new Courriel(destinataires, sujet, texte, html, piecesJointes);
    }

    static void verifierAdresse(String adresse) {
        boolean valide;
        try {
            valide = adresse != null && adresse.length() <= 254
                    && new InternetAddress(adresse, true).getAddress().equals(adresse) && adresse.contains("@")
                    && adresse.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        } catch (AddressException e) {
            valide = false;
        }
        if (!valide) {
            throw new ValeurInvalideException("destinataires", "L'adresse « " + adresse + " » est invalide.");
        }
    }
}
