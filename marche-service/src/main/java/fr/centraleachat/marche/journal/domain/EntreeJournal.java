package fr.centraleachat.marche.journal.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of a consultation's journal, as stored. Its {@code hash} covers every other field and the previous
 * entry's hash ({@link ChaineJournal}); the record checks the shape of its fields, not the chain, so that a
 * tampered entry can still be read and reported by the verification.
 *
 * @param rang 1-based position in the consultation's journal
 * @param horodatage when the action took place, to the millisecond (what the store keeps)
 * @param acteur subject of the author (see {@link Auteur})
 * @param resume short French summary of the change, before → after; never the content of a bid
 * @param correlationId the id tying the entry to the request (and logs) that caused it; may be absent
 */
public record EntreeJournal(
        ConsultationId consultationId,
        long rang,
        Instant horodatage,
        String acteur,
        List<String> roles,
        ActionJournal action,
        String resume,
        String correlationId,
        String hashPrecedent,
        String hash) {

    public static final int LONGUEUR_MAX_RESUME = 4000;
    public static final int LONGUEUR_MAX_CORRELATION = 200;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public EntreeJournal {
        if (consultationId == null) {
            throw new ValeurInvalideException("consultationId", "La consultation d'une entrée du journal est obligatoire.");
        }
        if (rang < 1) {
            throw new ValeurInvalideException("rang", "Le rang d'une entrée du journal commence à 1 (reçu " + rang + ").");
        }
        if (horodatage == null) {
            throw new ValeurInvalideException("horodatage", "L'horodatage d'une entrée du journal est obligatoire.");
        }
        horodatage = horodatage.truncatedTo(ChronoUnit.MILLIS);
        Auteur auteur = new Auteur(acteur, roles);
        roles = auteur.roles();
        if (action == null) {
            throw new ValeurInvalideException("action", "L'action d'une entrée du journal est obligatoire.");
        }
        exigerResume(resume);
        if (correlationId != null && (correlationId.isBlank() || correlationId.length() > LONGUEUR_MAX_CORRELATION)) {
            throw new ValeurInvalideException("correlationId", "L'identifiant de corrélation est vide ou trop long.");
        }
        exigerHash("hashPrecedent", hashPrecedent);
        exigerHash("hash", hash);
    }

    /** Checks a summary before it is sent to the journal, so that a bad one fails the change, not the journal. */
    public static String exigerResume(String resume) {
        if (resume == null || resume.isBlank()) {
            throw new ValeurInvalideException("resume", "Le résumé d'une entrée du journal est obligatoire.");
        }
        if (resume.length() > LONGUEUR_MAX_RESUME) {
            throw new ValeurInvalideException("resume", "Le résumé d'une entrée du journal ne doit pas dépasser "
                    + LONGUEUR_MAX_RESUME + " caractères.");
        }
        return resume;
    }

    public Auteur auteur() {
        return new Auteur(acteur, roles);
    }

    private static void exigerHash(String champ, String valeur) {
        if (valeur == null || !SHA256_HEX.matcher(valeur).matches()) {
            throw new ValeurInvalideException(champ, "Une empreinte SHA-256 s'écrit en 64 caractères hexadécimaux"
                    + " minuscules.");
        }
    }
}
