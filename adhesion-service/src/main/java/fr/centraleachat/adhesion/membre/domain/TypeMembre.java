package fr.centraleachat.adhesion.membre.domain;

/** Kinds of public bodies that may use the centrale. */
public enum TypeMembre {
    METROPOLE,
    COMMUNE,
    CCAS,
    EPL,
    EPCI,
    /**
     * An EPCI outside the Métropole, partner of some groupements de commandes: registered like any member, it never
     * adheres to the centrale (it is not part of the service commun).
     */
    EPCI_PARTENAIRE;

    /** Whether the body may adhere to the centrale; a partner EPCI may only join groupements de commandes. */
    public boolean peutAdherer() {
        return this != EPCI_PARTENAIRE;
    }
}
