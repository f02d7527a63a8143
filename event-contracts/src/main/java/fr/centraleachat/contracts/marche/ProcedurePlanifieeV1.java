package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.util.List;

/**
 * A procedure was added to the annual purchasing plan. Amounts in euros HT. Subject and key: the year
 * ({@code annee}), so that a plan's events stay in order.
 *
 * @param trimestre the expected launch quarter, 1 to 4
 * @param membres SIREN of the members concerned
 */
public record ProcedurePlanifieeV1(int annee, String procedureId, String objet, String familleAchat,
        @Facultatif String codeCpv, String nature, BigDecimal valeurEstimeeHt, int trimestre, List<String> membres) {
}
