package fr.centraleachat.marche.analyse.domain;

/** DOMAIN §4: a lot of a consultation is analysed, then attributed and notified, or declared unsuccessful. */
public enum StatutLot {
    OUVERT,
    ATTRIBUE,
    NOTIFIE,
    INFRUCTUEUX
}
