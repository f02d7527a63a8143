package fr.centraleachat.catalogue.tarif.application.format;

import java.io.IOException;

/** Streams the rows of one price-list file; never holds the whole file in memory. */
public interface LecteurTarif {

    /** {@code CSV} or {@code XLSX}. */
    String format();

    /**
     * Reads every row in order.
     *
     * @throws FichierIllisibleException when the file as a whole cannot be read (encoding, structure, limits)
     */
    void lire(LignesLues lignes) throws IOException;
}
