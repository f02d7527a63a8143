package fr.centraleachat.marche.reglementation;

/** Nature of the purchase: it selects which column of thresholds applies. */
public enum Nature {
    FOURNITURES,
    SERVICES,
    TRAVAUX
}
