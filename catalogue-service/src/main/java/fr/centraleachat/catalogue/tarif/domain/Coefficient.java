package fr.centraleachat.catalogue.tarif.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The factor of a price revision clause, applied to every price of a list: between 0.5 and 2, 4 decimals at most
 * (e.g. 1.0325 for +3.25 %). Revised prices are rounded half up to 4 decimals.
 */
public record Coefficient(BigDecimal valeur) {

    public static final BigDecimal MINIMUM = new BigDecimal("0.5");
    public static final BigDecimal MAXIMUM = new BigDecimal("2");

    public Coefficient {
        if (valeur == null) {
            throw new ValeurInvalideException("coefficient", "Le coefficient de révision est obligatoire.");
        }
        // Bounds first: compared on precision and scale, a huge exponent is refused without being expanded.
        if (valeur.compareTo(MINIMUM) < 0 || valeur.compareTo(MAXIMUM) > 0) {
            throw new ValeurInvalideException("coefficient", "Le coefficient de révision doit être compris entre 0,5 "
                    + "et 2 (ex. 1,0325 pour une hausse de 3,25 %).");
        }
        if (valeur.scale() > ReglesTarif.DECIMALES_MAX
                && valeur.stripTrailingZeros().scale() > ReglesTarif.DECIMALES_MAX) {
            throw new ValeurInvalideException("coefficient", "Le coefficient de révision a au plus "
                    + ReglesTarif.DECIMALES_MAX + " décimales.");
        }
        valeur = valeur.setScale(ReglesTarif.DECIMALES_MAX, RoundingMode.UNNECESSARY);
    }

    public BigDecimal appliquer(BigDecimal prix) {
        return ReglesTarif.normaliser(prix.multiply(valeur).setScale(ReglesTarif.DECIMALES_MAX, RoundingMode.HALF_UP));
    }
}
