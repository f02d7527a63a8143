package fr.centraleachat.marche.pli.web;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.pli.application.OffreDeposee;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The {@code offre} part of a deposit: the data sealed with the pli (the company's name included: who bid stays
 * unknown to the acheteur until the opening). */
public record OffreRequete(
        @NotNull(message = "Le prix de l'offre (HT) est obligatoire.")
        Montant prixHt,
        @Size(max = 200, message = "La raison sociale ne doit pas dépasser 200 caractères.")
        String raisonSociale,
        @Size(max = 100, message = "La référence DUME ne doit pas dépasser 100 caractères.")
        String referenceDume,
        @Size(max = 5000, message = "Une offre comporte au plus 5000 prix unitaires.")
        List<@NotNull(message = "Un prix unitaire ne peut pas être vide.") @Valid PrixUnitaireRequete> prixUnitaires) {

    public record PrixUnitaireRequete(
            @NotBlank(message = "La référence de l'article du BPU est obligatoire.")
            @Size(max = 100, message = "La référence de l'article ne doit pas dépasser 100 caractères.")
            String reference,
            @NotNull(message = "Le prix unitaire (HT) est obligatoire.")
            Montant prixUnitaireHt) {
    }

    OffreDeposee versOffre() {
        return new OffreDeposee(prixHt, raisonSociale, referenceDume, prixUnitaires == null ? List.of() : prixUnitaires.stream()
                .map(p -> new OffreDeposee.PrixUnitaire(p.reference(), p.prixUnitaireHt())).toList());
    }
}
