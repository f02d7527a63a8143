package fr.centraleachat.adhesion.groupement.domain;

/** Lifecycle of a groupement de commandes: its consultations may be published only once it is CONSTITUE. */
public enum StatutGroupement {
    EN_CONSTITUTION,
    CONSTITUE,
    DISSOUS
}
