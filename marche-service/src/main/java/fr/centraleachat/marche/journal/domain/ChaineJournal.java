package fr.centraleachat.marche.journal.domain;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain of a consultation's journal: each entry's hash covers its own fields and the previous entry's
 * hash, so that changing, removing, inserting or reordering a stored entry breaks the chain from that rank on.
 *
 * <p>The hash is SHA-256, written in lower-case hexadecimal, over the UTF-8 bytes of this canonical form (any
 * language can recompute it from an export):
 * <pre>
 * centrale-achat/journal/v1\n
 * consultationId=&lt;n&gt;:&lt;value&gt;\n
 * rang=&lt;n&gt;:&lt;value&gt;\n
 * horodatage=&lt;n&gt;:&lt;value&gt;\n
 * acteur=&lt;n&gt;:&lt;value&gt;\n
 * roles=&lt;n&gt;:&lt;value&gt;\n
 * action=&lt;n&gt;:&lt;value&gt;\n
 * resume=&lt;n&gt;:&lt;value&gt;\n
 * correlationId=&lt;n&gt;:&lt;value&gt;\n
 * hashPrecedent=&lt;n&gt;:&lt;value&gt;\n
 * </pre>
 * where {@code <n>} is the length of the value in UTF-8 bytes (so no value can pass for another field), an absent
 * value is written {@code -} without length, {@code consultationId} is the lower-case UUID, {@code rang} is decimal,
 * {@code horodatage} is UTC to the millisecond ({@code 2026-12-01T09:00:00.000Z}), {@code roles} are the sorted
 * role names joined by commas, {@code action} is the {@link ActionJournal} name. The first entry's previous hash
 * is {@link #HASH_INITIAL}, 64 zeros.
 *
 * <p>A chain without a key proves that stored entries were not changed one by one; someone able to rewrite every
 * entry from some rank to the end could rebuild a consistent chain. Keeping the last hash outside the service
 * (the verification answer shows it) detects that too.
 */
public final class ChaineJournal {

    public static final String HASH_INITIAL = "0".repeat(64);
    static final String EN_TETE = "centrale-achat/journal/v1\n";
    private static final DateTimeFormatter HORODATAGE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ChaineJournal() {
    }

    /** The entry that follows {@code precedente} (null for the first one), with its rank and hash. */
    public static EntreeJournal suivante(EntreeJournal precedente, ConsultationId consultationId, Instant horodatage,
            Auteur auteur, ActionJournal action, String resume, String correlationId) {
        if (precedente != null && !precedente.consultationId().equals(consultationId)) {
            throw new IllegalArgumentException("The previous entry belongs to consultation "
                    + precedente.consultationId() + ", not " + consultationId);
        }
        long rang = precedente == null ? 1 : precedente.rang() + 1;
        String hashPrecedent = precedente == null ? HASH_INITIAL : precedente.hash();
        // Built once with a placeholder so that the hash covers the fields as the record normalises them.
        EntreeJournal sansHash = new EntreeJournal(consultationId, rang, horodatage, auteur.sujet(), auteur.roles(),
                action, resume, correlationId, hashPrecedent, HASH_INITIAL);
        return new EntreeJournal(consultationId, rang, sansHash.horodatage(), sansHash.acteur(), sansHash.roles(),
                action, resume, correlationId, hashPrecedent, hacher(sansHash));
    }

    /** The hash an entry should carry, recomputed from its fields and its previous hash. */
    public static String hacher(EntreeJournal entree) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(formeCanonique(entree).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    /** The text the hash is computed over (see the class documentation). */
    static String formeCanonique(EntreeJournal e) {
        StringBuilder texte = new StringBuilder(EN_TETE);
        champ(texte, "consultationId", e.consultationId().toString());
        champ(texte, "rang", Long.toString(e.rang()));
        champ(texte, "horodatage", HORODATAGE.format(e.horodatage()));
        champ(texte, "acteur", e.acteur());
        champ(texte, "roles", String.join(",", e.roles()));
        champ(texte, "action", e.action().name());
        champ(texte, "resume", e.resume());
        champ(texte, "correlationId", e.correlationId());
        champ(texte, "hashPrecedent", e.hashPrecedent());
        return texte.toString();
    }

    private static void champ(StringBuilder texte, String nom, String valeur) {
        texte.append(nom).append('=');
        if (valeur == null) {
            texte.append('-');
        } else {
            texte.append(valeur.getBytes(StandardCharsets.UTF_8).length).append(':').append(valeur);
        }
        texte.append('\n');
    }

    /** Checks a whole journal given in stored order (by rank). */
    public static VerificationJournal verifier(List<EntreeJournal> entrees) {
        Verification verification = new Verification();
        entrees.forEach(verification::accepter);
        return verification.resultat();
    }

    /**
     * Checks a journal one stored entry at a time, in rank order, so that a long one is never held in memory. The
     * first invalid rank is the first position where the stored entries depart from an intact chain: a rank that
     * is not the next one (an entry removed or moved), a previous hash that is not the previous entry's, or a hash
     * that does not match the entry's fields (an entry altered).
     */
    public static final class Verification {

        private long entrees;
        private long rangAttendu = 1;
        private String hashPrecedent = HASH_INITIAL;
        private Long premierRangInvalide;
        private String dernierHash = HASH_INITIAL;

        public void accepter(EntreeJournal entree) {
            entrees++;
            if (premierRangInvalide == null && (entree.rang() != rangAttendu
                    || !entree.hashPrecedent().equals(hashPrecedent) || !hacher(entree).equals(entree.hash()))) {
                premierRangInvalide = rangAttendu;
            }
            rangAttendu++;
            hashPrecedent = entree.hash();
            dernierHash = entree.hash();
        }

        /**
         * A stored entry that cannot even be read as one (a field removed or of the wrong type).
         *
         * @param hashLu its stored hash if that field at least is readable, else null
         */
        public void illisible(String hashLu) {
            entrees++;
            if (premierRangInvalide == null) {
                premierRangInvalide = rangAttendu;
            }
            rangAttendu++;
            hashPrecedent = hashLu;
            dernierHash = hashLu;
        }

        public VerificationJournal resultat() {
            return new VerificationJournal(premierRangInvalide == null, entrees, premierRangInvalide, dernierHash);
        }
    }
}
