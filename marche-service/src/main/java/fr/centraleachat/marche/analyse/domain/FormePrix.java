package fr.centraleachat.marche.analyse.domain;

/** How the price is set (DECP "formePrix"): unit prices, a lump sum, or both. */
public enum FormePrix {
    UNITAIRE,
    FORFAITAIRE,
    MIXTE
}
