package fr.centraleachat.marche.analyse.domain;

/** Why an offer leaves the analysis (code de la commande publique, L2152-2 to L2152-4 and R2152-3). */
public enum MotifExclusion {
    IRREGULIERE,
    INACCEPTABLE,
    INAPPROPRIEE,
    ANORMALEMENT_BASSE
}
