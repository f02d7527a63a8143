package fr.centraleachat.marche.document.web;

import fr.centraleachat.marche.document.domain.Telechargement;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** One download of the DCE, as the register shows it to acheteurs and administrators. */
public record TelechargementVue(
        String id,
        OffsetDateTime date,
        @Schema(description = "Téléchargement sans jeton : l'auteur n'est pas connu") boolean anonyme,
        @Schema(description = "Sujet du jeton (compte ou client)") String sujet,
        List<String> roles,
        @Schema(description = "SIRET du fournisseur, pour un fournisseur") String siret,
        @Schema(description = "SIREN de l'organisme membre, pour un agent") String membre,
        @Schema(description = "L'archive de tout le DCE ; fichiers liste ce qu'elle contenait") boolean archive,
        List<FichierVue> fichiers,
        String correlationId) {

    public record FichierVue(int document, int version, String nom, String sha256) {
    }

    static TelechargementVue de(Telechargement t) {
        return new TelechargementVue(t.id(), t.date().atZone(HeureDeParis.FUSEAU).toOffsetDateTime(), t.anonyme(),
                t.sujet(), t.roles(), t.siret(), t.membre(), t.archive(), t.fichiers().stream()
                        .map(f -> new FichierVue(f.document(), f.version(), f.nom(), f.sha256())).toList(),
                t.correlationId());
    }
}
