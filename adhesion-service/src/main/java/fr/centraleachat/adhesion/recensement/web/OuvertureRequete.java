package fr.centraleachat.adhesion.recensement.web;

import fr.centraleachat.adhesion.recensement.domain.LotRecensement;
import fr.centraleachat.adhesion.recensement.domain.Nature;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the acheteur asks the members about, and until when. */
public record OuvertureRequete(
        @NotBlank(message = "L'objet du recensement est obligatoire.")
        @Size(max = Recensement.OBJET_MAX, message = "L'objet dépasse 300 caractères.") String objet,
        @NotNull(message = "La famille d'achat est obligatoire.") FamilleAchat familleAchat,
        @NotNull(message = "La nature est obligatoire (FOURNITURES, SERVICES ou TRAVAUX).") Nature nature,
        @NotNull(message = "Le code CPV principal est obligatoire.") CodeCpv cpvPrincipal,
        @Schema(description = "Les lots, numérotés de 1 à n dans l'ordre donné")
        @NotEmpty(message = "Au moins un lot est obligatoire.")
        @Size(max = Recensement.LOTS_MAX, message = "Au plus 50 lots.")
        List<@NotNull(message = "Un lot ne peut pas être vide.") @Valid LotRequete> lots,
        @Schema(description = "SIREN des membres invités ; absent : tous les membres dont l'adhésion ACTIVE couvre la"
                + " famille d'achat")
        @Size(min = 1, max = Recensement.INVITES_MAX, message = "De 1 à 1000 membres invités.")
        List<@NotNull(message = "Un SIREN invité ne peut pas être vide.") Siren> membresInvites,
        @Schema(description = "Fin des réponses, dans le futur et au plus dans un an")
        @NotNull(message = "La date de clôture est obligatoire.") Instant dateCloture) {

    public record LotRequete(
            @NotBlank(message = "La description du lot est obligatoire.")
            @Size(max = LotRecensement.DESCRIPTION_MAX, message = "La description du lot dépasse 300 caractères.")
            String description,
            @NotBlank(message = "L'unité du lot est obligatoire.")
            @Size(max = LotRecensement.UNITE_MAX, message = "L'unité du lot dépasse 30 caractères.") String unite,
            @Schema(description = "Code CPV du lot, s'il diffère du code principal") CodeCpv codeCpv) {
    }

    List<LotRecensement> versLots() {
        List<LotRecensement> resultat = new java.util.ArrayList<>();
        for (int i = 0; i < lots.size(); i++) {
            LotRequete l = lots.get(i);
            resultat.add(new LotRecensement(i + 1, l.description(), l.unite(), l.codeCpv()));
        }
        return resultat;
    }
}
