package fr.centraleachat.marche.opendata.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What was recorded as published on the national open-data portal for one marché: the day its initial data were
 * first published, and the day each modification was. A date, once recorded, never changes (DECP:
 * {@code datePublicationDonnees} "n'est donc pas mise à jour en cas de modification du marché").
 *
 * @param donneesInitiales null while the initial data were never published
 * @param modifications by modification number (the avenant's)
 */
public record PublicationDecp(String numeroMarche, LocalDate donneesInitiales, Map<Integer, LocalDate> modifications) {

    public PublicationDecp {
        Objects.requireNonNull(numeroMarche, "numeroMarche");
        modifications = Map.copyOf(modifications == null ? Map.of() : modifications);
    }

    public static PublicationDecp aucune(String numeroMarche) {
        return new PublicationDecp(numeroMarche, null, Map.of());
    }

    public Optional<LocalDate> initiale() {
        return Optional.ofNullable(donneesInitiales);
    }

    public Optional<LocalDate> modification(int numero) {
        return Optional.ofNullable(modifications.get(numero));
    }

    /** This record with {@code jour} for the initial data and every modification not yet published. */
    public PublicationDecp completee(LocalDate jour, Iterable<Integer> numerosModifications) {
        Map<Integer, LocalDate> toutes = new TreeMap<>(modifications);
        numerosModifications.forEach(n -> toutes.putIfAbsent(n, jour));
        return new PublicationDecp(numeroMarche, donneesInitiales == null ? jour : donneesInitiales, toutes);
    }
}
