package fr.centraleachat.catalogue.commande.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the order endpoints; the business rules are the domain's. */
final class CommandeRequetes {

    private CommandeRequetes() {
    }

    record BonRequete(
            @NotEmpty(message = "Un bon de commande compte au moins une ligne.")
            @Size(max = 500, message = "Un bon de commande compte au plus 500 lignes.")
            List<@NotNull(message = "Une ligne ne peut pas être vide.") @Valid LigneRequete> lignes,
            @NotBlank(message = "L'adresse de livraison est obligatoire.")
            @Size(max = 500, message = "L'adresse de livraison ne doit pas dépasser 500 caractères.")
            String adresseLivraison) {
    }

    record LigneRequete(
            @NotBlank(message = "La référence de l'article est obligatoire.")
            @Size(max = 100, message = "Une référence compte au plus 100 caractères.")
            @Pattern(regexp = "[\\p{L}\\p{N}._/\\- ]+", message = "Une référence ne contient que lettres, chiffres, espaces et . _ / -")
            String reference,
            @NotNull(message = "La quantité est obligatoire.")
            @DecimalMin(value = "0.001", message = "La quantité doit être positive.")
            @DecimalMax(value = "1000000", message = "La quantité est d'au plus 1 000 000.")
            BigDecimal quantite) {
    }

    record LivraisonRequete(
            @NotNull(message = "La date de livraison est obligatoire (ex. 2027-04-15).")
            LocalDate dateLivraison) {
    }

    record AnnulationRequete(
            @NotBlank(message = "Le motif de l'annulation est obligatoire.")
            @Size(max = 1000, message = "Le motif ne doit pas dépasser 1000 caractères.")
            String motif) {
    }
}
