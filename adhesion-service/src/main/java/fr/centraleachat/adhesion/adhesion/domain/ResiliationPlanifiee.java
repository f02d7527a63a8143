package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

/** A termination dated ahead: the adhésion ends on {@code dateEffet}, and stays as it is until then. */
public record ResiliationPlanifiee(AdhesionId adhesionId, LocalDate dateEffet, Motif motif)
        implements EvenementAdhesion {
}
