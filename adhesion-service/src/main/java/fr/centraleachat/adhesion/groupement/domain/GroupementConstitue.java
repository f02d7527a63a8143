package fr.centraleachat.adhesion.groupement.domain;

import java.time.LocalDate;

public record GroupementConstitue(LocalDate date, Groupement.Etat apres) implements EvenementGroupement {
}
