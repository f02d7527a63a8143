package fr.centraleachat.catalogue.tarif.application;

import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where price lists are kept. A new version is written in three steps so that it appears whole or not at all
 * without a multi-document transaction: {@link #ouvrir} reserves it, {@link #ajouter} writes its lines in batches
 * (invisible to every read), and {@link #publier} makes it part of the history in one single-document write. A
 * version never published is removed by {@link #abandonner}, or later by {@link #nettoyer} if its writer died.
 */
public interface Tarifs {

    /** The contract's published versions; empty when it has no list yet. */
    Optional<HistoriqueTarif> historique(String numeroContrat);

    /** Reserves a version to be written and answers its id. */
    String ouvrir(String numeroContrat, Instant debut);

    /**
     * Writes lines of a reserved version; {@code rangPremiere} is the rank of the first in the version (from 0), the
     * batches of a version covering every rank from 0 without a gap.
     */
    void ajouter(String versionId, long rangPremiere, List<LigneTarif> lignes);

    /**
     * Publishes a reserved version with the next number.
     *
     * @throws VersionAbandonneeException when the reservation was removed meanwhile (taken for abandoned)
     */
    VersionTarif publier(String numeroContrat, String versionId, NouvelleVersion version);

    /** Removes a reserved, unpublished version and its lines. */
    void abandonner(String numeroContrat, String versionId);

    /** Removes the versions reserved before {@code avant} and never published; answers how many. */
    int nettoyer(Instant avant);

    /** One page of a version's lines, in the order they were written (the file's). */
    List<LigneTarif> lignes(String versionId, long decalage, int taille);

    Optional<LigneTarif> ligne(String versionId, String reference);

    /** Every line of a version in the order they were written, read from the store as they are consumed. */
    void parcourir(String versionId, Consumer<LigneTarif> traitement);

    /** A version about to be published. */
    record NouvelleVersion(LocalDate dateEffet, SourceVersion source, String format, String nomFichier,
            BigDecimal coefficient, Integer versionDeBase, String motif, long lignes, Instant publieeLe,
            String publieePar) {
    }

    /** The reservation of a version was removed before it was published. */
    class VersionAbandonneeException extends RuntimeException {

        public VersionAbandonneeException(String versionId) {
            super("version " + versionId + " was abandoned before being published");
        }
    }
}
