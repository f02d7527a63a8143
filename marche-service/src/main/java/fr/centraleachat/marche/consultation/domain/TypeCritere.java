package fr.centraleachat.marche.consultation.domain;

public enum TypeCritere {
    PRIX,
    TECHNIQUE,
    AUTRE
}
