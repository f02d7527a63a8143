package fr.centraleachat.adhesion.adhesion.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The signed convention that makes the adhésion effective. */
public record ActivationRequete(
        @NotNull(message = "La date de signature de la convention est obligatoire.") LocalDate dateSignatureConvention,
        @NotNull(message = "La date d'effet est obligatoire.") LocalDate dateEffet) {
}
