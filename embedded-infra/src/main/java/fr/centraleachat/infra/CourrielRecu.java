package fr.centraleachat.infra;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail the embedded SMTP server received, as read back from its {@code .eml} file.
 *
 * @param date          the {@code Date} header, or the file's time when the header is missing
 * @param expediteur    the {@code From} address
 * @param destinataires the {@code To} and {@code Cc} addresses
 * @param sujet         the decoded subject
 * @param messageId     the {@code Message-ID} header, as sent
 * @param fichier       the file name in the mail directory (no path)
 * @param texte         the start of the first {@code text/plain} part, at most {@link #TEXTE_MAX} characters
 * @param piecesJointes the names of the attached files, in message order
 */
public record CourrielRecu(Instant date, String expediteur, List<String> destinataires, String sujet,
        String messageId, String fichier, String texte, List<String> piecesJointes) {

    /** How much of the text body is kept: enough to find a link or a reference, not a whole report. */
    public static final int TEXTE_MAX = 2000;

    public CourrielRecu {
        Objects.requireNonNull(fichier, "fichier");
        destinataires = List.copyOf(destinataires);
        piecesJointes = List.copyOf(piecesJointes);
        texte = texte == null ? "" : texte.length() > TEXTE_MAX ? texte.substring(0, TEXTE_MAX) : texte;
    }

    /** Whether {@code adresse} is among the recipients, case-insensitively (mailboxes are, in practice). */
    public boolean estPour(String adresse) {
        return destinataires.stream().anyMatch(d -> d.equalsIgnoreCase(adresse.trim()));
    }
}
