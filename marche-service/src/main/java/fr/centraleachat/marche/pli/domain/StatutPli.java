package fr.centraleachat.marche.pli.domain;

/** DOMAIN §4: a pli is filed, then replaced or withdrawn before the DLRO; one received after it is late. */
public enum StatutPli {
    DEPOSE,
    REMPLACE,
    RETIRE,
    HORS_DELAI
}
