package fr.centraleachat.adhesion.adhesion.domain;

/** Lifecycle of an adhésion, as purchasing officers name its states. */
public enum StatutAdhesion {
    DEMANDEE,
    DELIBEREE,
    ACTIVE,
    SUSPENDUE,
    RESILIEE
}
