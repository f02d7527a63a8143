package fr.centraleachat.contracts.adhesion;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member declared (or changed) its needs in a recensement; the declaration replaces the member's previous one.
 * Amounts in euros HT. Subject and key: the recensement id.
 *
 * @param revision 1 for the member's first declaration, then one more for each change
 */
public record BesoinsDeclaresV1(String recensementId, String siren, String nomMembre, Instant declareLe,
        long revision, List<BesoinLotV1> lots) {

    /**
     * The member's answer for one lot: a quantity and an estimated amount, or no need.
     *
     * @param quantite null when {@code pasDeBesoin}
     * @param montantEstimeHt null when {@code pasDeBesoin}
     */
    public record BesoinLotV1(int lot, boolean pasDeBesoin, @Facultatif BigDecimal quantite,
            @Facultatif BigDecimal montantEstimeHt, List<String> sitesLivraison) {
    }
}
