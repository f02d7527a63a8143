package fr.centraleachat.marche.journal.web;

import fr.centraleachat.marche.journal.domain.VerificationJournal;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of a chain verification. */
public record VerificationVue(
        @Schema(description = "Vrai si aucune entrée n'a été modifiée, retirée, insérée ni déplacée") boolean intact,
        @Schema(description = "Nombre d'entrées enregistrées") long entrees,
        @Schema(description = "Premier rang où la chaîne est rompue ; absent si elle est intacte") Long premierRangInvalide,
        @Schema(description = "Empreinte de la dernière entrée (64 zéros si le journal est vide) ; à conserver"
                + " hors du service pour détecter aussi un retrait des dernières entrées") String dernierHash) {

    static VerificationVue de(VerificationJournal v) {
        return new VerificationVue(v.intact(), v.entrees(), v.premierRangInvalide(), v.dernierHash());
    }
}
