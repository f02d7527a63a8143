package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

public record AdhesionReprise(AdhesionId adhesionId, LocalDate dateEffet) implements EvenementAdhesion {
}
