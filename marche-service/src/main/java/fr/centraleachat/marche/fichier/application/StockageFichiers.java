package fr.centraleachat.marche.fichier.application;

import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where files go: streamed in and out, never held whole in memory. Each store is a separate bucket (the tender
 * documents, the sealed bids). A file may be stored through an {@link Enveloppe} (encryption): its size and
 * SHA-256 are those of the clear content.
 */
public interface StockageFichiers {

    /** Encryption applied on the way in ({@link #fermer}) and undone on the way out ({@link #ouvrir}). */
    interface Enveloppe {
        OutputStream fermer(OutputStream stocke) throws IOException;

        InputStream ouvrir(InputStream stocke) throws IOException;
    }

    /** No encryption: the tender documents are public once published. */
    Enveloppe EN_CLAIR = new Enveloppe() {
        @Override
        public OutputStream fermer(OutputStream stocke) {
            return stocke;
        }

        @Override
        public InputStream ouvrir(InputStream stocke) {
            return stocke;
        }
    };

    /**
     * Stores {@code flux} after checking its type from its first bytes; refuses it whole (nothing kept) when its
     * type is not accepted ({@code ValeurInvalideException} on {@code champ}) or it is larger than {@code tailleMax}
     * ({@link FichierTropVolumineuxException}).
     */
    FichierStocke enregistrer(String bucket, String champ, String nom, InputStream flux, long tailleMax,
            Enveloppe enveloppe) throws IOException;

    /** Copies the clear content of a stored file to {@code sortie}. */
    void lire(String bucket, String id, Enveloppe enveloppe, OutputStream sortie) throws IOException;

    /** The clear content of a stored file, to read as a stream (the caller closes it). */
    InputStream ouvrir(String bucket, String id, Enveloppe enveloppe) throws IOException;

    void supprimer(String bucket, String id);
}
