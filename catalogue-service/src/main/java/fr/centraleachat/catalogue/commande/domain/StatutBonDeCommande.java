package fr.centraleachat.catalogue.commande.domain;

/** BROUILLON → EMIS → LIVRE, or EMIS → ANNULE before delivery. */
public enum StatutBonDeCommande {
    BROUILLON,
    EMIS,
    LIVRE,
    ANNULE
}
