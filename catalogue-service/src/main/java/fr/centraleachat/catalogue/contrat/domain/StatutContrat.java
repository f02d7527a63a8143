package fr.centraleachat.catalogue.contrat.domain;

/** Where a contract stands on a given day: before its start, in force, past its end, or terminated early. */
public enum StatutContrat {
    A_VENIR,
    ACTIF,
    EXPIRE,
    RESILIE
}
