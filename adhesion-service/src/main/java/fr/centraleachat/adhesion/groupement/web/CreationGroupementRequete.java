package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.kernel.Siren;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The convention constitutive of a groupement de commandes. */
public record CreationGroupementRequete(
        @NotBlank(message = "L'objet du groupement est obligatoire.")
        @Size(max = Groupement.OBJET_MAX, message = "L'objet dépasse 300 caractères.") String objet,
        @Schema(description = "SIREN du coordonnateur, l'un des membres (en général la Métropole)")
        @NotNull(message = "Le coordonnateur est obligatoire.") Siren coordonnateur,
        @NotNull(message = "Les missions du coordonnateur sont obligatoires (PASSATION ou PASSATION_ET_EXECUTION).")
        Missions missions,
        @Schema(description = "Commission d'appel d'offres compétente")
        @NotBlank(message = "La commission d'appel d'offres est obligatoire.")
        @Size(max = Groupement.CAO_MAX, message = "La commission d'appel d'offres dépasse 300 caractères.")
        String commissionAppelOffres,
        @Schema(description = "Répartition des frais, telle que la convention l'énonce")
        @NotBlank(message = "La répartition des frais est obligatoire.")
        @Size(max = Groupement.REPARTITION_MAX, message = "La répartition des frais dépasse 2000 caractères.")
        String repartitionFrais,
        @Schema(description = "SIREN des membres (2 à 200), coordonnateur compris")
        @NotNull(message = "Les membres sont obligatoires.")
        @Size(min = Groupement.MEMBRES_MIN, max = Groupement.MEMBRES_MAX,
                message = "Un groupement compte de 2 à 200 membres.")
        List<@NotNull(message = "Un SIREN de membre ne peut pas être vide.") Siren> membres) {
}
