package fr.centraleachat.marche.consultation.web;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.Nature;
import jakarta.validation.GroupSequence;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Body of creation and modification of a draft. Shapes are checked here field by field; the business rules
 * (lots numbered 1..n, weights summing to 100, a price criterion...) are the domain's. The list bounds are checked
 * first ({@link Bornes}, in the order {@link Ordre}): an oversized list is refused without validating each of its
 * elements.
 */
public record ConsultationRequete(
        @NotBlank(message = "L'objet de la consultation est obligatoire.")
        @Size(max = ContenuConsultation.LONGUEUR_MAX_OBJET, message = "L'objet ne doit pas dépasser 300 caractères.")
        String objet,
        @NotNull(message = "La nature du marché est obligatoire (FOURNITURES, SERVICES ou TRAVAUX).")
        Nature nature,
        @NotNull(message = "Le code CPV principal est obligatoire.")
        CodeCpv cpvPrincipal,
        @NotNull(message = "La famille d'achat est obligatoire (voir GET /api/marche/reglementation/familles-achat).")
        FamilleAchat familleAchat,
        @NotEmpty(message = "Une consultation comporte au moins un lot.")
        @Size(max = 200, message = "Une consultation comporte au plus 200 lots.", groups = Bornes.class)
        List<@NotNull(message = "Un lot ne peut pas être vide.") @Valid LotRequete> lots,
        @NotEmpty(message = "Au moins un critère d'attribution est requis.")
        @Size(max = 20, message = "Une consultation comporte au plus 20 critères d'attribution.", groups = Bornes.class)
        List<@NotNull(message = "Un critère ne peut pas être vide.") @Valid CritereRequete> criteres,
        @NotNull(message = "La date limite de remise des offres est obligatoire (ex. 2027-01-15T12:00:00+01:00).")
        OffsetDateTime dlro,
        @NotEmpty(message = "Au moins un membre bénéficiaire est requis.")
        @Size(max = 1000, message = "Une consultation compte au plus 1000 bénéficiaires.", groups = Bornes.class)
        List<@NotNull(message = "Un bénéficiaire ne peut pas être vide.") Siren> beneficiaires,
        DelaiReduit delaiReduit,
        @io.swagger.v3.oas.annotations.media.Schema(description = "Date jusqu'à laquelle les fournisseurs peuvent poser"
                + " des questions, avant la DLRO ; sans elle, jusqu'à la DLRO")
        OffsetDateTime dateLimiteQuestions,
        @io.swagger.v3.oas.annotations.media.Schema(description = "Groupement de commandes pour lequel la consultation"
                + " est lancée (choisi à la création, inchangé ensuite) : ses membres d'alors sont les seuls"
                + " bénéficiaires possibles, son coordonnateur l'acheteur du marché")
        fr.centraleachat.support.json.TexteFacultatif groupementId) {

    /** The list bounds, checked before anything else. */
    public interface Bornes {
    }

    /** Validation order of a request: the bounds, then (only if they hold) every field of every element. */
    @GroupSequence({Bornes.class, Default.class})
    public interface Ordre {
    }

    public record LotRequete(
            @NotNull(message = "Le numéro du lot est obligatoire.")
            @Min(value = 1, message = "Le numéro du lot doit être supérieur ou égal à 1.")
            Integer numero,
            @NotBlank(message = "L'intitulé du lot est obligatoire.")
            @Size(max = Lot.LONGUEUR_MAX_INTITULE, message = "L'intitulé du lot ne doit pas dépasser 300 caractères.")
            String intitule,
            @NotNull(message = "Le montant estimé du lot est obligatoire.")
            Montant montantEstime,
            CodeCpv cpv,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Critères d'attribution propres au lot "
                    + "(pondérations de somme 100, au moins un critère prix) ; absents : ceux de la consultation")
            @Size(max = 20, message = "Un lot comporte au plus 20 critères d'attribution.", groups = Bornes.class)
            List<@NotNull(message = "Un critère ne peut pas être vide.") @Valid CritereRequete> criteres) {
    }

    public record CritereRequete(
            @NotBlank(message = "Le libellé du critère est obligatoire.")
            @Size(max = CritereAttribution.LONGUEUR_MAX_LIBELLE, message = "Le libellé du critère ne doit pas dépasser 200 caractères.")
            String libelle,
            @NotNull(message = "La pondération du critère est obligatoire.")
            @Min(value = 1, message = "La pondération doit être comprise entre 1 et 100.")
            @Max(value = 100, message = "La pondération doit être comprise entre 1 et 100.")
            Integer ponderation,
            @NotNull(message = "Le type du critère est obligatoire (PRIX, TECHNIQUE ou AUTRE).")
            TypeCritere type) {
    }

    /** The groupement named, as a lower-case UUID. */
    java.util.Optional<String> groupement() {
        String texte = fr.centraleachat.support.json.TexteFacultatif.de(groupementId);
        if (texte == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.util.UUID.fromString(texte.strip()).toString());
        } catch (IllegalArgumentException e) {
            throw new fr.centraleachat.kernel.ValeurInvalideException("groupementId",
                    "L'identifiant du groupement de commandes est un UUID.");
        }
    }

    ContenuConsultation versContenu() {
        return new ContenuConsultation(objet, nature, cpvPrincipal, familleAchat,
                new Lots(lots.stream().map(l -> new Lot(l.numero(), l.intitule(), l.montantEstime(), l.cpv(),
                        l.criteres() == null ? null : criteres(l.criteres()))).toList()),
                criteres(criteres),
                dlro.toInstant(), new Beneficiaires(beneficiaires), delaiReduit,
                dateLimiteQuestions == null ? null : dateLimiteQuestions.toInstant());
    }

    private static Criteres criteres(List<CritereRequete> criteres) {
        return new Criteres(criteres.stream().map(c -> new CritereAttribution(c.libelle(), c.ponderation(), c.type()))
                .toList());
    }
}
