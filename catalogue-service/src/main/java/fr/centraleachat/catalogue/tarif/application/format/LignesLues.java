package fr.centraleachat.catalogue.tarif.application.format;

import java.util.List;

/** Receives a file's rows one at a time, header included, as the readers stream them. */
@FunctionalInterface
public interface LignesLues {

    /**
     * @param numero the row's number as a spreadsheet shows it (1 for the first row of the file)
     * @param cellules the row's cells from the first column; missing cells are {@link Cellule#VIDE}
     */
    void ligne(long numero, List<Cellule> cellules);
}
