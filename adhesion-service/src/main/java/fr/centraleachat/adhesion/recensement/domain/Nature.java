package fr.centraleachat.adhesion.recensement.domain;

/** Nature of the future purchase; it decides the thresholds the consolidated estimate is compared with. */
public enum Nature {
    FOURNITURES,
    SERVICES,
    TRAVAUX
}
