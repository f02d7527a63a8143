package fr.centraleachat.catalogue.recherche.domain;

import java.math.BigDecimal;

/**
 * The fixed unit-price ranges (€ HT) the search counts its results in: each from its lower bound included to its
 * upper bound excluded. Fixed, so that counting them costs the same whatever the catalogue holds.
 */
public enum TranchePrix {
    MOINS_DE_1("0-1", null, "1", "Moins de 1 €"),
    DE_1_A_5("1-5", "1", "5", "De 1 à 5 €"),
    DE_5_A_10("5-10", "5", "10", "De 5 à 10 €"),
    DE_10_A_50("10-50", "10", "50", "De 10 à 50 €"),
    DE_50_A_100("50-100", "50", "100", "De 50 à 100 €"),
    DE_100_A_500("100-500", "100", "500", "De 100 à 500 €"),
    DE_500_A_1000("500-1000", "500", "1000", "De 500 à 1 000 €"),
    PLUS_DE_1000("1000+", "1000", null, "1 000 € et plus");

    private final String valeur;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String libelle;

    TranchePrix(String valeur, String min, String max, String libelle) {
        this.valeur = valeur;
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.libelle = libelle;
    }

    public String valeur() {
        return valeur;
    }

    /** Lower bound, included; null for the first range (from 0). */
    public BigDecimal min() {
        return min;
    }

    /** Upper bound, excluded; null for the last range. */
    public BigDecimal max() {
        return max;
    }

    public String libelle() {
        return libelle;
    }
}
