package fr.centraleachat.catalogue.consultation.domain;

/** Where the consultation stands for the catalogue: suppliers may bid only while it is {@code OUVERTE}. */
public enum StatutConsultation {
    OUVERTE,
    CLOTUREE,
    SANS_SUITE
}
