package fr.centraleachat.catalogue.contrat.domain;

import fr.centraleachat.kernel.Montant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the members together have ordered on a contract against its maximum: the orders issued and not cancelled.
 * The maximum is the accord-cadre's (or an ordinary marché's amount); an avenant changes it by a delta, which is
 * all the record needs to follow. The thresholds reached (80, 100 %) are each announced once.
 */
public record Consommation(Montant maximum, Montant consomme, SortedSet<Integer> seuilsAtteints) {

    /** The alert thresholds, in percent of the maximum. */
    public static final List<Integer> SEUILS = List.of(80, 100);

    public Consommation {
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(consomme, "consomme");
        seuilsAtteints = new TreeSet<>(seuilsAtteints == null ? List.of() : seuilsAtteints);
    }

    public static Consommation initiale(Montant maximum) {
        return new Consommation(maximum, Montant.ZERO, new TreeSet<>());
    }

    /** The maximum minus what was consumed; never below zero. */
    public Montant restant() {
        BigDecimal reste = maximum.valeurHt().subtract(consomme.valeurHt());
        return new Montant(reste.signum() < 0 ? BigDecimal.ZERO : reste);
    }

    /** Consumed share of the maximum, in percent with one decimal. */
    public BigDecimal tauxPourcent() {
        if (maximum.valeurHt().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return consomme.valeurHt().multiply(BigDecimal.valueOf(100)).divide(maximum.valeurHt(), 1, RoundingMode.DOWN);
    }

    /** The thresholds a consumption of {@code consommeApres} reaches that were not reached before. */
    public List<Integer> seuilsFranchis(Montant consommeApres) {
        return SEUILS.stream().filter(s -> !seuilsAtteints.contains(s))
                .filter(s -> consommeApres.valeurHt().multiply(BigDecimal.valueOf(100))
                        .compareTo(maximum.valeurHt().multiply(BigDecimal.valueOf(s))) >= 0)
                .toList();
    }

    /** Amounts are kept in cents in the store so that the maximum is checked by one atomic integer update. */
    public static long centimes(Montant montant) {
        return montant.valeurHt().movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    public static Montant depuisCentimes(long centimes) {
        return new Montant(BigDecimal.valueOf(centimes, 2));
    }
}
