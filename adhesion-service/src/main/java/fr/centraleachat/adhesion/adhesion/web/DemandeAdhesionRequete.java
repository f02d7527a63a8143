package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.kernel.Siren;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** A member's request to join the centrale. */
public record DemandeAdhesionRequete(
        @NotNull(message = "Le SIREN du membre est obligatoire.") Siren siren,
        @NotEmpty(message = "Au moins une famille d'achat est obligatoire.")
        Set<@NotNull(message = "Famille d'achat inconnue ou vide.") FamilleAchat> famillesAchat,
        @NotNull(message = "Les missions confiées sont obligatoires (PASSATION ou PASSATION_ET_EXECUTION).")
        Missions missions) {
}
