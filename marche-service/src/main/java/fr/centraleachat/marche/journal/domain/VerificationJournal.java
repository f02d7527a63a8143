package fr.centraleachat.marche.journal.domain;

/**
 * What checking a consultation's hash chain found.
 *
 * @param entrees how many entries are stored
 * @param premierRangInvalide the first rank whose entry is missing, out of place, altered or unreadable; null
 *        when the chain is intact
 * @param dernierHash the hash stored on the last entry ({@link ChaineJournal#HASH_INITIAL} when there is none):
 *        kept outside the service, it also reveals entries removed from the end of the journal; null when the
 *        last stored entry is too damaged to show one
 */
public record VerificationJournal(boolean intact, long entrees, Long premierRangInvalide, String dernierHash) {

    public VerificationJournal {
        if (intact != (premierRangInvalide == null)) {
            throw new IllegalArgumentException("intact must match the absence of an invalid rank");
        }
        if (entrees < 0 || (intact && dernierHash == null)) {
            throw new IllegalArgumentException("entrees must be positive and an intact chain has a last hash");
        }
    }
}
