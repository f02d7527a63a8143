package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.kernel.Siren;
import java.time.LocalDate;

public record MembreRetireDuGroupement(Siren siren, LocalDate date, Groupement.Etat apres) implements EvenementGroupement {
}
