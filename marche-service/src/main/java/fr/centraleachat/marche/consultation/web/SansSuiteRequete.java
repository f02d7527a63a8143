package fr.centraleachat.marche.consultation.web;

import fr.centraleachat.marche.consultation.domain.Consultation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SansSuiteRequete(
        @NotBlank(message = "La raison de la déclaration sans suite est obligatoire.")
        @Size(max = Consultation.LONGUEUR_MAX_RAISON, message = "La raison ne doit pas dépasser 2000 caractères.")
        String raison) {
}
