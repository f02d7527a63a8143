package fr.centraleachat.adhesion.groupement.domain;

import java.time.LocalDate;

public record GroupementDissous(LocalDate date, String motif, Groupement.Etat apres) implements EvenementGroupement {
}
