package fr.centraleachat.marche.document.web;

import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.document.application.DemandeRectificatif;
import fr.centraleachat.marche.document.domain.Document;
import fr.centraleachat.marche.document.domain.TypeDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;

/**
 * The {@code rectificatif} part of a rectificatif: why, the new dates if any, whether it is substantial, and the
 * description of each file sent in the {@code fichiers} parts, in the same order.
 */
public record RectificatifRequete(
        @NotBlank(message = "La raison du rectificatif est obligatoire.")
        @Size(max = Rectificatif.LONGUEUR_MAX_RAISON, message = "La raison ne doit pas dépasser 2000 caractères.")
        String raison,
        @Schema(description = "Nouvelle date limite de remise des offres, plus tardive ; absente : inchangée")
        OffsetDateTime nouvelleDlro,
        @Schema(description = "Nouvelle date limite des questions, plus tardive ; absente : inchangée")
        OffsetDateTime dateLimiteQuestions,
        @NotNull(message = "Indiquez si le rectificatif est substantiel (true ou false).")
        Boolean substantiel,
        @Schema(description = "Un élément par fichier envoyé dans les parties « fichiers », dans le même ordre")
        @Size(max = 20, message = "Un rectificatif comporte au plus 20 fichiers.")
        List<@NotNull(message = "Un document ne peut pas être vide.") @Valid DocumentJointRequete> documents,
        @Schema(description = "Numéros des documents retirés du DCE")
        @Size(max = 100, message = "Un rectificatif retire au plus 100 documents.")
        List<@NotNull(message = "Un numéro de document ne peut pas être vide.")
            @Min(value = 1, message = "Un numéro de document est au moins 1.") Integer> retraits) {

    /**
     * A file sent with the rectificatif: with {@code remplace}, the new version of that document (it keeps its type
     * and title); without, a new document of {@code type}.
     */
    public record DocumentJointRequete(
            @Min(value = 1, message = "Un numéro de document est au moins 1.")
            @Max(value = 100_000, message = "Numéro de document inconnu.")
            Integer remplace,
            TypeDocument type,
            @Size(max = Document.LONGUEUR_MAX_TITRE, message = "Le titre ne doit pas dépasser 200 caractères.")
            String titre) {
    }

    DemandeRectificatif versDemande() {
        return new DemandeRectificatif(raison, nouvelleDlro == null ? null : nouvelleDlro.toInstant(),
                dateLimiteQuestions == null ? null : dateLimiteQuestions.toInstant(), substantiel,
                documents == null ? List.of() : documents.stream()
                        .map(d -> new DemandeRectificatif.DocumentJoint(d.remplace(), d.type(), d.titre())).toList(),
                retraits == null ? null : new HashSet<>(retraits));
    }
}
