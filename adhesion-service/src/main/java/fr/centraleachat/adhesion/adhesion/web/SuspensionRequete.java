package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.domain.Motif;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SuspensionRequete(
        @NotBlank(message = "Le motif est obligatoire.")
        @Size(max = Motif.MAX, message = "Le motif dépasse 500 caractères.") String motif) {
}
