package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

public record AdhesionResiliee(AdhesionId adhesionId, LocalDate dateEffet, Motif motif) implements EvenementAdhesion {
}
