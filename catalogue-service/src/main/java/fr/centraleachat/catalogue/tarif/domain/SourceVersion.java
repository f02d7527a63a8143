package fr.centraleachat.catalogue.tarif.domain;

/** Where a version's prices come from. */
public enum SourceVersion {
    /** A file imported by the acheteur (CSV or XLSX). */
    IMPORT,
    /** The previous version's prices multiplied by a revision coefficient. */
    REVISION
}
