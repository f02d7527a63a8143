package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A modification of a notified marché: its legal ground, the change of amount (negative for a decrease; for an
 * accord-cadre, of its maximum), the new end date if any, why, and the date it was signed.
 *
 * @param montantHt the change in euros HT, two decimals at most; zero when only the end date changes
 * @param nouvelleDateFin null when the term is unchanged
 */
public record Avenant(int numero, BaseLegaleAvenant baseLegale, BigDecimal montantHt, LocalDate nouvelleDateFin,
        String justification, LocalDate date, Instant le) {

    public static final int JUSTIFICATION_MAX = 2_000;

    public Avenant {
        if (numero < 1) {
            throw new IllegalArgumentException("numero " + numero);
        }
        if (baseLegale == null) {
            throw new ValeurInvalideException("baseLegale", "La base légale de l'avenant est obligatoire (CLAUSE_REEXAMEN,"
                    + " PRESTATIONS_SUPPLEMENTAIRES, CIRCONSTANCES_IMPREVUES, MODIFICATION_NON_SUBSTANTIELLE ou"
                    + " DE_MINIMIS).");
        }
        montantHt = montantHt == null ? BigDecimal.ZERO.setScale(2) : montantHt;
        if (montantHt.scale() > 2 && montantHt.stripTrailingZeros().scale() > 2) {
            throw new ValeurInvalideException("montantHt", "Le montant de l'avenant s'exprime au centime près.");
        }
        if (montantHt.abs().compareTo(Montant.MAXIMUM) > 0) {
            throw new ValeurInvalideException("montantHt", "Le montant de l'avenant ne peut dépasser 1 000 000 000 000 €"
                    + " HT.");
        }
        montantHt = montantHt.setScale(2, java.math.RoundingMode.UNNECESSARY);
        justification = Textes.exiger(justification, "justification", "Justifiez l'avenant.");
        if (justification.length() > JUSTIFICATION_MAX) {
            throw new ValeurInvalideException("justification", "La justification ne doit pas dépasser "
                    + JUSTIFICATION_MAX + " caractères.");
        }
        if (date == null) {
            throw new ValeurInvalideException("date", "La date de l'avenant est obligatoire (AAAA-MM-JJ).");
        }
        Objects.requireNonNull(le, "le");
    }
}
