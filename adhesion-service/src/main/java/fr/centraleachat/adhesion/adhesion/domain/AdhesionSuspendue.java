package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

public record AdhesionSuspendue(AdhesionId adhesionId, LocalDate dateEffet, Motif motif) implements EvenementAdhesion {
}
