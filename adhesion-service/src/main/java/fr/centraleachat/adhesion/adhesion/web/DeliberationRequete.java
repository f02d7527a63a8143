package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The council deliberation approving the adhésion. */
public record DeliberationRequete(
        @NotBlank(message = "Le numéro de délibération est obligatoire.")
        @Size(max = Deliberation.NUMERO_MAX, message = "Le numéro de délibération dépasse 50 caractères.") String numero,
        @NotNull(message = "La date de la délibération est obligatoire.") LocalDate date) {
}
