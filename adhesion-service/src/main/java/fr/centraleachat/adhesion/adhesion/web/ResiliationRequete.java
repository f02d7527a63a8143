package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.domain.Motif;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record ResiliationRequete(
        @NotNull(message = "La date d'effet de la résiliation est obligatoire.") LocalDate dateEffet,
        @NotBlank(message = "Le motif est obligatoire.")
        @Size(max = Motif.MAX, message = "Le motif dépasse 500 caractères.") String motif) {
}
