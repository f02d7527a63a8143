package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.adhesion.groupement.domain.Approbation;
import fr.centraleachat.kernel.Siren;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A member's council approved the convention. */
public record ApprobationRequete(
        @NotNull(message = "Le SIREN du membre est obligatoire.") Siren siren,
        @NotBlank(message = "Le numéro de délibération est obligatoire.")
        @Size(max = Approbation.NUMERO_MAX, message = "Le numéro de délibération dépasse 50 caractères.")
        String numeroDeliberation,
        @NotNull(message = "La date de la délibération est obligatoire.") LocalDate dateDeliberation) {
}
