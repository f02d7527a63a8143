package fr.centraleachat.adhesion.recensement.web;

import fr.centraleachat.adhesion.recensement.domain.BesoinLot;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import fr.centraleachat.support.json.TexteFacultatif;
import java.math.BigDecimal;
import java.util.List;

/** A member's needs, one answer per lot of the recensement; it replaces the member's previous declaration. */
public record DeclarationRequete(
        @NotEmpty(message = "Répondez pour chaque lot du recensement.")
        @Size(max = Recensement.LOTS_MAX, message = "Au plus 50 lots.")
        List<@NotNull(message = "Une réponse de lot ne peut pas être vide.") @Valid BesoinRequete> lots) {

    public record BesoinRequete(
            @NotNull(message = "Le numéro de lot est obligatoire.")
            @Min(value = 1, message = "Le numéro de lot commence à 1.")
            @Max(value = Recensement.LOTS_MAX, message = "Le numéro de lot ne dépasse pas 50.") Integer lot,
            @NotNull(message = "Indiquez pasDeBesoin (true ou false).") Boolean pasDeBesoin,
            @Schema(description = "Quantité (> 0, au plus 1 000 000 000, 3 décimales) ; absente si pasDeBesoin")
            BigDecimal quantite,
            @Schema(description = "Montant estimé en euros HT (> 0, au plus 10 000 000 000, au centime) ; absent si"
                    + " pasDeBesoin")
            BigDecimal montantEstime,
            @Size(max = BesoinLot.SITES_MAX, message = "Au plus 20 sites de livraison par lot.")
            List<@NotBlank(message = "Un site de livraison ne peut pas être vide.")
                @Size(max = BesoinLot.SITE_MAX, message = "Un site de livraison dépasse 200 caractères.") String>
            sitesLivraison,
            @Schema(description = "Commentaire (1 à 1000 caractères)") TexteFacultatif commentaire) {
    }

    List<BesoinLot> versBesoins() {
        return lots.stream().map(b -> new BesoinLot(b.lot(), b.pasDeBesoin(), b.quantite(), b.montantEstime(),
                b.sitesLivraison(), TexteFacultatif.de(b.commentaire()))).toList();
    }
}
