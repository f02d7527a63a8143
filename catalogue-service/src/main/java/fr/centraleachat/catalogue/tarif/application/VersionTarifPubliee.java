package fr.centraleachat.catalogue.tarif.application;

import java.time.LocalDate;

/**
 * A new version of a contract's price list was published (an import or a revision), announced within this process
 * once the version is part of the history, for the parts of the catalogue that derive data from price lists (the
 * search index).
 */
public record VersionTarifPubliee(String numeroContrat, int numero, String versionId, LocalDate dateEffet) {
}
