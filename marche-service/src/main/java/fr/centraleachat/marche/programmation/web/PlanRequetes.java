package fr.centraleachat.marche.programmation.web;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.programmation.domain.BesoinPropose;
import fr.centraleachat.marche.programmation.domain.ProcedurePlanifiee;
import fr.centraleachat.marche.reglementation.Nature;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the annual plan's operations; shapes here, business rules in the domain. */
final class PlanRequetes {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private PlanRequetes() {
    }

    record ProcedureRequete(
            @NotBlank(message = "L'objet de la procédure est obligatoire.")
            @Size(max = ProcedurePlanifiee.LONGUEUR_MAX_OBJET, message = "L'objet ne doit pas dépasser 300 caractères.")
            String objet,
            @NotNull(message = "La famille d'achat est obligatoire.")
            FamilleAchat familleAchat,
            CodeCpv cpvPrincipal,
            @NotNull(message = "La nature est obligatoire (FOURNITURES, SERVICES ou TRAVAUX).")
            Nature nature,
            @NotNull(message = "La valeur estimée est obligatoire.")
            Montant valeurEstimee,
            @NotNull(message = "Le trimestre de lancement prévu est obligatoire (1 à 4).")
            @Min(value = 1, message = "Le trimestre de lancement prévu est compris entre 1 et 4.")
            @Max(value = 4, message = "Le trimestre de lancement prévu est compris entre 1 et 4.")
            Integer trimestre,
            @Size(max = ProcedurePlanifiee.MEMBRES_MAX, message = "Une procédure concerne au plus 1000 membres.")
            List<@NotNull(message = "Un membre ne peut pas être vide.") Siren> membres) {
    }

    record LancementRequete(
            @NotBlank(message = "L'identifiant de la consultation qui lance la procédure est obligatoire.")
            @Pattern(regexp = UUID, message = "L'identifiant de la consultation est un UUID.")
            String consultationId) {
    }

    record MotifRequete(
            @NotBlank(message = "Le motif est obligatoire.")
            @Size(max = BesoinPropose.LONGUEUR_MAX_COMMENTAIRE, message = "Le motif ne doit pas dépasser 2000 caractères.")
            String motif) {
    }

    record BesoinRequete(
            @NotNull(message = "Le SIREN du membre qui exprime le besoin est obligatoire.")
            Siren siren,
            @NotBlank(message = "Décrivez le besoin.")
            @Size(max = ProcedurePlanifiee.LONGUEUR_MAX_OBJET, message = "L'objet ne doit pas dépasser 300 caractères.")
            String objet,
            @NotNull(message = "La famille d'achat est obligatoire.")
            FamilleAchat familleAchat,
            @NotNull(message = "Le montant estimé est obligatoire.")
            Montant valeurEstimee,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Commentaire (2000 caractères au plus)")
            fr.centraleachat.support.json.TexteFacultatif commentaire) {
    }

    record AcceptationRequete(
            @NotBlank(message = "La procédure prévue qui reçoit le besoin est obligatoire.")
            @Pattern(regexp = UUID, message = "L'identifiant de la procédure est un UUID.")
            String procedureId) {
    }
}
