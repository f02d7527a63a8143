package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.adhesion.groupement.domain.Groupement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DissolutionRequete(
        @NotBlank(message = "Le motif est obligatoire.")
        @Size(max = Groupement.MOTIF_MAX, message = "Le motif dépasse 2000 caractères.") String motif) {
}
