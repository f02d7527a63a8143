package fr.centraleachat.catalogue.tarif.web;

import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a price list, as its history shows it. */
public record VersionVue(
        @Schema(description = "Numéro de la version, à partir de 1 dans l'ordre de publication") int numero,
        @Schema(description = "Date à partir de laquelle la version est en vigueur") LocalDate dateEffet,
        @Schema(description = "IMPORT (fichier) ou REVISION (coefficient)", allowableValues = {"IMPORT", "REVISION"})
        String source,
        @Schema(description = "CSV ou XLSX pour un import") String format,
        @Schema(description = "Nom du fichier importé") String nomFichier,
        @Schema(description = "Coefficient de révision appliqué") BigDecimal coefficient,
        @Schema(description = "Version révisée") Integer versionDeBase,
        @Schema(description = "Motif de la révision (clause appliquée)") String motif,
        @Schema(description = "Nombre de lignes") long lignes,
        Instant publieeLe,
        @Schema(description = "Identifiant de l'acheteur qui l'a publiée") String publieePar) {

    static VersionVue de(VersionTarif v) {
        return new VersionVue(v.numero(), v.dateEffet(), v.source().name(), v.format(), v.nomFichier(), v.coefficient(),
                v.versionDeBase(), v.motif(), v.lignes(), v.publieeLe(), v.publieePar());
    }
}
