package fr.centraleachat.marche.programmation.domain;

/** A planned procedure: planned, then launched as a consultation, or abandoned. */
public enum StatutProcedurePlanifiee {
    PREVUE,
    LANCEE,
    ABANDONNEE
}
