package fr.centraleachat.marche.analyse.web;

import fr.centraleachat.marche.analyse.domain.MotifExclusion;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The bodies of the acheteur's decisions on a lot. */
final class DecisionsRequetes {

    private DecisionsRequetes() {
    }

    record NoteRequete(
            @NotBlank(message = "Le numéro du pli est obligatoire.") @Size(max = 40, message = "Numéro de pli trop long.")
            String numeroPli,
            @NotBlank(message = "Le critère est obligatoire.") @Size(max = 200, message = "Critère trop long.")
            String critere,
            @NotNull(message = "La note est obligatoire.")
            @DecimalMin(value = "0", message = "La note doit être positive ou nulle.")
            @DecimalMax(value = "100", message = "La note ne peut dépasser 100.")
            @Digits(integer = 3, fraction = 2, message = "La note a au plus deux décimales.")
            BigDecimal note,
            @NotBlank(message = "La note doit être motivée par un commentaire.")
            @Size(max = 2000, message = "Le commentaire ne doit pas dépasser 2000 caractères.")
            String commentaire) {
    }

    record ExclusionRequete(
            @NotBlank(message = "Le numéro du pli est obligatoire.") @Size(max = 40, message = "Numéro de pli trop long.")
            String numeroPli,
            @NotNull(message = "Le motif est obligatoire (IRREGULIERE, INACCEPTABLE, INAPPROPRIEE).")
            MotifExclusion motif,
            @NotBlank(message = "Le motif de l'exclusion doit être expliqué.")
            @Size(max = 2000, message = "La raison ne doit pas dépasser 2000 caractères.")
            String raison) {
    }

    record PrixBasRequete(
            @NotBlank(message = "Le numéro du pli est obligatoire.") @Size(max = 40, message = "Numéro de pli trop long.")
            String numeroPli,
            @NotNull(message = "Indiquez si les justifications du prix sont acceptées (true) ou non (false).")
            Boolean justifiee,
            @NotBlank(message = "La décision doit être motivée.")
            @Size(max = 2000, message = "La raison ne doit pas dépasser 2000 caractères.")
            String raison) {
    }

    record AttributionRequete(
            @Size(max = 40, message = "Numéro de pli trop long.")
            String numeroPli,
            @Size(max = 2000, message = "La justification ne doit pas dépasser 2000 caractères.")
            String justification) {
    }

    record InfructueuxRequete(
            @NotBlank(message = "La raison de l'infructuosité est obligatoire.")
            @Size(max = 2000, message = "La raison ne doit pas dépasser 2000 caractères.")
            String raison) {
    }

    record ResiliationRequete(
            @NotNull(message = "La date d'effet de la résiliation est obligatoire (AAAA-MM-JJ).")
            java.time.LocalDate dateEffet,
            @NotBlank(message = "Le motif de la résiliation est obligatoire.")
            @Size(max = 2000, message = "Le motif ne doit pas dépasser 2000 caractères.")
            String motif) {
    }

    record AvenantRequete(
            @NotNull(message = "La base légale est obligatoire (CLAUSE_REEXAMEN, PRESTATIONS_SUPPLEMENTAIRES,"
                    + " CIRCONSTANCES_IMPREVUES, MODIFICATION_NON_SUBSTANTIELLE ou DE_MINIMIS).")
            fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant baseLegale,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Variation du montant en euros HT (négative pour"
                    + " une diminution ; d'un accord-cadre, de son maximum) ; 0 si seule la date de fin change")
            @NotNull(message = "Le montant de l'avenant est obligatoire (0 si seule la date de fin change).")
            @jakarta.validation.constraints.Digits(integer = 13, fraction = 2,
                    message = "Le montant s'exprime en euros au centime près, 13 chiffres au plus avant la virgule.")
            @jakarta.validation.constraints.DecimalMin(value = "-1000000000000",
                    message = "Le montant ne peut être inférieur à -1 000 000 000 000 € HT.")
            @jakarta.validation.constraints.DecimalMax(value = "1000000000000",
                    message = "Le montant ne peut dépasser 1 000 000 000 000 € HT.")
            java.math.BigDecimal montantHt,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Nouvelle date de fin ; absente : inchangée")
            java.time.LocalDate nouvelleDateFin,
            @NotBlank(message = "La justification de l'avenant est obligatoire.")
            @Size(max = 2000, message = "La justification ne doit pas dépasser 2000 caractères.")
            String justification,
            @NotNull(message = "La date de l'avenant est obligatoire (AAAA-MM-JJ).")
            java.time.LocalDate date) {
    }

    record NotificationRequete(
            @NotNull(message = "La forme du marché est obligatoire (MARCHE_ORDINAIRE, ACCORD_CADRE_BONS_DE_COMMANDE, "
                    + "ACCORD_CADRE_MARCHES_SUBSEQUENTS).")
            fr.centraleachat.marche.analyse.domain.FormeMarche forme,
            @NotNull(message = "La forme du prix est obligatoire (UNITAIRE, FORFAITAIRE, MIXTE).")
            fr.centraleachat.marche.analyse.domain.FormePrix formePrix,
            fr.centraleachat.kernel.Montant montantMaximumHt,
            fr.centraleachat.kernel.Montant montantMinimumHt,
            @NotNull(message = "La durée en mois est obligatoire.")
            @jakarta.validation.constraints.Min(value = 1, message = "La durée est d'au moins un mois.")
            @jakarta.validation.constraints.Max(value = 120, message = "La durée est d'au plus 120 mois.")
            Integer dureeMois,
            @NotNull(message = "La date de début d'exécution est obligatoire (AAAA-MM-JJ).")
            java.time.LocalDate dateDebut) {
    }

    record RejetsRequete(
            @NotNull(message = "Indiquez si les lettres de rejet sont envoyées par voie électronique.")
            Boolean electronique) {
    }
}
