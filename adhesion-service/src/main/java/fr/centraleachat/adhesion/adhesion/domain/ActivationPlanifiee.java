package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

/** The convention is signed but takes effect later: the adhésion becomes active on {@code dateEffet}. */
public record ActivationPlanifiee(AdhesionId adhesionId, LocalDate dateSignatureConvention, LocalDate dateEffet)
        implements EvenementAdhesion {
}
