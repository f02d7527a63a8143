package fr.centraleachat.adhesion.groupement.domain;

public record GroupementCree(Groupement.Etat apres) implements EvenementGroupement {
}
