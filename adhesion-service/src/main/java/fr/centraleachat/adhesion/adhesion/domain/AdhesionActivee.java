package fr.centraleachat.adhesion.adhesion.domain;

import java.time.LocalDate;

public record AdhesionActivee(AdhesionId adhesionId, LocalDate dateSignatureConvention, LocalDate dateEffet)
        implements EvenementAdhesion {
}
