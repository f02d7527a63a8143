package fr.centraleachat.catalogue.souscription.domain;

public enum StatutSouscription {
    ACTIVE,
    RESILIEE
}
