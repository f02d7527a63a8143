package fr.centraleachat.catalogue.tarif.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every published version of a contract's price list. The version in force on a date is the one with the latest
 * effective date on or before it; of two versions with the same effective date, the later published (a corrected
 * file, a revision of the same day) replaces the other.
 */
public record HistoriqueTarif(String numeroContrat, List<VersionTarif> versions) {

    /** Versions in the order they were published. */
    public HistoriqueTarif {
        versions = versions.stream().sorted(Comparator.comparingInt(VersionTarif::numero)).toList();
    }

    public Optional<VersionTarif> enVigueurLe(LocalDate date) {
        return versions.stream().filter(v -> !v.dateEffet().isAfter(date))
                .max(Comparator.comparing(VersionTarif::dateEffet).thenComparingInt(VersionTarif::numero));
    }

    public Optional<VersionTarif> version(int numero) {
        return versions.stream().filter(v -> v.numero() == numero).findFirst();
    }

    public int prochainNumero() {
        return versions.size() + 1;
    }
}
