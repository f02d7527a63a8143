package fr.centraleachat.adhesion.membre.domain;

/** Kinds of public bodies that may use the centrale. */
public enum TypeMembre {
    METROPOLE,
    COMMUNE,
    CCAS,
    EPL,
    EPCI
}
