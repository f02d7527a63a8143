package fr.centraleachat.marche.pli.domain;

/** What a file of a pli is for: the candidature (who the supplier is) or the offer itself. */
public enum NaturePiece {
    CANDIDATURE,
    OFFRE
}
