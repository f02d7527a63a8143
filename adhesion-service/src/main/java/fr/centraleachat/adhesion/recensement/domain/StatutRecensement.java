package fr.centraleachat.adhesion.recensement.domain;

/** Lifecycle of a recensement des besoins: members answer while it is open. */
public enum StatutRecensement {
    OUVERT,
    CLOS
}
