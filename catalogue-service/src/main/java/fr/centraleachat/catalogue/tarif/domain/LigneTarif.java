package fr.centraleachat.catalogue.tarif.domain;

import fr.centraleachat.kernel.CodeCpv;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One article of a contract's price list: its reference (unique within a version), what it is, how it is sold and
 * its unit price excluding VAT, to 4 decimals at most.
 *
 * @param conditionnement how it is packed (e.g. "boîte de 100"); null when not said
 * @param tauxTva the VAT rate in percent (0, 2.1, 5.5, 10 or 20)
 * @param cpv the article's CPV code; null when not said
 */
public record LigneTarif(String reference, String designation, String unite, String conditionnement,
        BigDecimal prixUnitaireHt, BigDecimal tauxTva, CodeCpv cpv) {

    public LigneTarif {
        reference = ReglesTarif.reference(reference);
        designation = ReglesTarif.designation(designation);
        unite = ReglesTarif.unite(unite);
        conditionnement = ReglesTarif.conditionnement(conditionnement);
        prixUnitaireHt = ReglesTarif.prix(prixUnitaireHt, prixUnitaireHt == null ? "" : prixUnitaireHt.toPlainString());
        tauxTva = ReglesTarif.tauxTva(tauxTva, tauxTva == null ? "" : tauxTva.toPlainString());
    }

    /** The same article at its price multiplied by {@code coefficient}, rounded half up to 4 decimals. */
    public LigneTarif revisee(Coefficient coefficient) {
        return new LigneTarif(reference, designation, unite, conditionnement, coefficient.appliquer(prixUnitaireHt),
                tauxTva, cpv);
    }

    /** The price including VAT, to the cent (half up). */
    public BigDecimal prixUnitaireTtc() {
        return prixUnitaireHt.add(prixUnitaireHt.multiply(tauxTva).movePointLeft(2)).setScale(2, RoundingMode.HALF_UP);
    }
}
