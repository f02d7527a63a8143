package fr.centraleachat.kernel.membre;

/** The state of a member's adhésion as last reported by the adhésion service. */
public enum StatutMembre {
    ACTIVE,
    SUSPENDUE,
    RESILIEE
}
