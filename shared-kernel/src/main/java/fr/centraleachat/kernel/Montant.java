package fr.centraleachat.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in euros, excluding VAT (HT), never negative, kept to the cent. */
public record Montant(BigDecimal valeurHt) implements Comparable<Montant> {

    public static final Montant ZERO = new Montant(BigDecimal.ZERO);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Montant {
        if (valeurHt == null) {
            throw new ValeurInvalideException("montant", "Le montant est obligatoire.");
        }
        if (valeurHt.signum() < 0) {
            throw new ValeurInvalideException("montant", "Le montant ne peut pas être négatif : " + valeurHt.toPlainString() + " €.");
        }
        if (valeurHt.stripTrailingZeros().scale() > 2) {
            throw new ValeurInvalideException("montant", "Le montant doit être exprimé au centime près : " + valeurHt.toPlainString() + " €.");
        }
        valeurHt = valeurHt.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Montant de(String valeur) {
        return new Montant(new BigDecimal(valeur));
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
