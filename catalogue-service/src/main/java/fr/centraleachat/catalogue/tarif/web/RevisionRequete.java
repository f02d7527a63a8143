package fr.centraleachat.catalogue.tarif.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A price revision: every price of the version in force on {@code dateEffet} multiplied by {@code coefficient}. */
public record RevisionRequete(
        @Schema(description = "Coefficient de révision, entre 0,5 et 2, 4 décimales au plus", example = "1.0325",
                minimum = "0.5", maximum = "2")
        @NotNull(message = "Le coefficient de révision est obligatoire.")
        BigDecimal coefficient,
        @Schema(description = "Date d'effet de la nouvelle version")
        @NotNull(message = "La date d'effet est obligatoire.")
        LocalDate dateEffet,
        @Schema(description = "Motif : la clause de révision appliquée (500 caractères au plus)",
                example = "Révision annuelle, article 10.2 du CCAP")
        @NotBlank(message = "Le motif de la révision est obligatoire.")
        @Size(max = 500, message = "Le motif ne doit pas dépasser 500 caractères.")
        String motif) {
}
