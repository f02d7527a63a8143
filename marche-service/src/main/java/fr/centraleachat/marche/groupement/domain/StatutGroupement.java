package fr.centraleachat.marche.groupement.domain;

/** The lifecycle of a groupement de commandes, as adhesion-service announces it. */
public enum StatutGroupement {
    EN_CONSTITUTION,
    CONSTITUE,
    DISSOUS
}
