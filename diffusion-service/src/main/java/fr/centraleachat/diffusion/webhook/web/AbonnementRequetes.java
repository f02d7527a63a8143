package fr.centraleachat.diffusion.webhook.web;

import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import fr.centraleachat.support.json.TexteFacultatif;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the subscription endpoints. */
final class AbonnementRequetes {

    private AbonnementRequetes() {
    }

    record Creation(
            @Schema(description = "Adresse https (ou http) qui recevra les événements par POST",
                    example = "https://si.example.fr/centrale/evenements")
            @NotNull(message = "L'adresse est obligatoire.")
            @Size(max = UrlWebhook.LONGUEUR_MAX, message = "L'adresse dépasse 2000 caractères.") String url,
            @Schema(description = "Types d'événement voulus (tous si absent ou vide), au plus 20",
                    example = "[\"fr.centraleachat.marche.MarcheNotifie.v1\"]")
            @Size(max = FiltreFlux.TYPES_MAX, message = "Au plus 20 types d'événement.") List<String> types,
            @Schema(description = "Curseur du flux à partir duquel livrer, ou « debut » pour tout le journal ; absent :"
                    + " les événements à venir")
            TexteFacultatif depuis) {
    }

    record Reprise(
            @Schema(description = "Curseur du flux à partir duquel relivrer, ou « debut » ; absent : reprendre où la "
                    + "livraison s'est arrêtée")
            TexteFacultatif depuis) {
    }
}
