package fr.centraleachat.catalogue.commande.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an order: an item of the contract's price list, its quantity and the price in force on the order's
 * date. The line's amount is rounded to the cent.
 */
public record LigneCommande(String reference, String designation, String unite, BigDecimal quantite,
        BigDecimal prixUnitaireHt, BigDecimal tauxTva) {

    public static final BigDecimal QUANTITE_MAX = new BigDecimal("1000000");

    public LigneCommande {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(prixUnitaireHt, "prixUnitaireHt");
        Objects.requireNonNull(tauxTva, "tauxTva");
        if (quantite == null || quantite.signum() <= 0 || quantite.compareTo(QUANTITE_MAX) > 0
                || quantite.stripTrailingZeros().scale() > 3) {
            throw new ValeurInvalideException("lignes", "La quantité de l'article " + reference + " doit être "
                    + "positive, d'au plus 1 000 000 et 3 décimales.");
        }
    }

    public BigDecimal montantHt() {
        return quantite.multiply(prixUnitaireHt).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal montantTva() {
        return montantHt().multiply(tauxTva).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }
}
