package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An avenant to a notified marché was concluded. Amounts in euros HT. Subject and key: the consultation id, like
 * {@code MarcheNotifie}, so that a marché's events stay in order.
 *
 * @param baseLegale {@code CLAUSE_REEXAMEN}, {@code PRESTATIONS_SUPPLEMENTAIRES}, {@code CIRCONSTANCES_IMPREVUES},
 *                   {@code MODIFICATION_NON_SUBSTANTIELLE} or {@code DE_MINIMIS}
 * @param montantHt the change, negative for a decrease (zero when only the end date changes)
 * @param montantInitialHt the amount notified, or an accord-cadre's maximum
 * @param nouveauMontantHt the amount (an accord-cadre's maximum) with every avenant so far
 * @param nouvelleDateFin the end this avenant sets; null when it keeps the term
 * @param dateFin the marché's end with every avenant so far
 */
public record AvenantConcluV1(String numeroMarche, String consultationId, int lot, int numero, String baseLegale,
        BigDecimal montantHt, BigDecimal montantInitialHt, BigDecimal nouveauMontantHt, boolean accordCadre,
        @Facultatif LocalDate nouvelleDateFin, LocalDate dateFin, String justification, LocalDate date, Instant le) {
}
