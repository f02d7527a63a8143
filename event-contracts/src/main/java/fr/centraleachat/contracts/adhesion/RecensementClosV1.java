package fr.centraleachat.contracts.adhesion;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A recensement des besoins was closed (at its date, or earlier by the acheteur) and its answers consolidated, per
 * lot and per member. Amounts in euros HT. marche-service creates from it a draft consultation. Subject and key:
 * the recensement id.
 *
 * @param ouvertPar the subject of the acheteur who opened it (the draft consultation is theirs)
 * @param membresAyantDeclare SIREN of the members that declared a need for at least one lot
 * @param membresSansBesoin SIREN of the members that answered "pas de besoin" for every lot
 * @param membresSansReponse SIREN of the invited members that did not answer
 */
public record RecensementClosV1(String recensementId, String objet, String familleAchat, String nature,
        String cpvPrincipal, String ouvertPar, Instant clotureLe, List<LotConsolideV1> lots,
        List<String> membresAyantDeclare, List<String> membresSansBesoin, List<String> membresSansReponse) {

    /** One lot's consolidated needs: the totals and each member's share. */
    public record LotConsolideV1(int numero, String description, String unite, @Facultatif String codeCpv,
            BigDecimal quantiteTotale, BigDecimal montantEstimeTotalHt, List<BesoinMembreV1> besoins) {
    }

    public record BesoinMembreV1(String siren, BigDecimal quantite, BigDecimal montantEstimeHt) {
    }
}
