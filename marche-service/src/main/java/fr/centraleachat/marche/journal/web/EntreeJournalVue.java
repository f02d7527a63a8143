package fr.centraleachat.marche.journal.web;

import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A journal entry as the API shows it (instants in Paris time with their offset). */
public record EntreeJournalVue(
        @Schema(description = "Rang dans le journal de la consultation, à partir de 1") long rang,
        @Schema(description = "Date et heure de l'action") Instant horodatage,
        @Schema(description = "Sujet du jeton de l'auteur, ou « systeme »") String acteur,
        @Schema(description = "Rôles de l'auteur au moment de l'action") List<String> roles,
        ActionJournal action,
        @Schema(description = "Résumé du changement, avant → après") String resume,
        @Schema(description = "Identifiant de corrélation de la requête à l'origine de l'action") String correlationId,
        @Schema(description = "Empreinte SHA-256 de l'entrée précédente (64 zéros pour la première)") String hashPrecedent,
        @Schema(description = "Empreinte SHA-256 de cette entrée") String hash) {

    static EntreeJournalVue de(EntreeJournal e) {
        return new EntreeJournalVue(e.rang(), e.horodatage(), e.acteur(), e.roles(), e.action(), e.resume(),
                e.correlationId(), e.hashPrecedent(), e.hash());
    }
}
