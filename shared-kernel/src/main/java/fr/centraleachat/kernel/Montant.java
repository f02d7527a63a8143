package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in euros, excluding VAT (HT), never negative, kept to the cent, at most {@link #MAXIMUM} (10^12 €, far
 * above any public contract). The magnitude is checked on the decimal's precision and scale before anything else, so
 * that an exponent form such as {@code 1e999999999} is refused at once instead of being expanded digit by digit.
 */
public record Montant(BigDecimal valeurHt) implements Comparable<Montant> {

    /** Digits before the decimal point of the largest accepted amount. */
    private static final int CHIFFRES_ENTIERS_MAX = 13;
    public static final BigDecimal MAXIMUM = BigDecimal.TEN.pow(12);
    // After MAXIMUM: the constructor reads it.
    public static final Montant ZERO = new Montant(BigDecimal.ZERO);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Montant {
        if (valeurHt == null) {
            throw new ValeurInvalideException("montant", "Le montant est obligatoire.");
        }
        // precision - scale = digits before the point; both are known without expanding the value.
        if ((long) valeurHt.precision() - valeurHt.scale() > CHIFFRES_ENTIERS_MAX || valeurHt.compareTo(MAXIMUM) > 0) {
            throw new ValeurInvalideException("montant", "Le montant ne peut dépasser 1 000 000 000 000 € HT.");
        }
        if (valeurHt.signum() < 0) {
            throw new ValeurInvalideException("montant", "Le montant ne peut pas être négatif : " + valeurHt.toString() + " €.");
        }
        if (valeurHt.scale() > 2 && valeurHt.stripTrailingZeros().scale() > 2) {
            throw new ValeurInvalideException("montant", "Le montant doit être exprimé au centime près (deux décimales au plus) : " + valeurHt + " €.");
        }
        valeurHt = valeurHt.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Montant de(String valeur) {
        if (valeur == null || valeur.length() > 40) {
            throw new ValeurInvalideException("montant", "Montant invalide.");
        }
        try {
            return new Montant(new BigDecimal(valeur));
        } catch (NumberFormatException e) {
            throw new ValeurInvalideException("montant", "Montant invalide : « " + valeur + " ».");
        }
    }

    public static Montant de(long euros) {
        return new Montant(BigDecimal.valueOf(euros));
    }

    public Montant plus(Montant autre) {
        return new Montant(valeurHt.add(autre.valeurHt));
    }

    public boolean estInferieurA(Montant autre) {
        return compareTo(autre) < 0;
    }

    @Override
    public int compareTo(Montant autre) {
        return valeurHt.compareTo(autre.valeurHt);
    }

    @Override
    public String toString() {
        return valeurHt.toPlainString() + " € HT";
    }

    @JsonValue
    public BigDecimal valeurHt() {
        return valeurHt;
    }

}
