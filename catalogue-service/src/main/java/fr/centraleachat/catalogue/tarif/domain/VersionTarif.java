package fr.centraleachat.catalogue.tarif.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One published version of a contract's price list: in force from its effective date until the next version's.
 * Versions are numbered from 1 in the order they were published; none is ever changed or removed.
 *
 * @param id where its lines are stored
 * @param format {@code CSV} or {@code XLSX} for an import; null for a revision
 * @param nomFichier the imported file's name as sent; null for a revision
 * @param coefficient the revision coefficient; null for an import
 * @param versionDeBase the version a revision was applied to; null for an import
 * @param motif why the revision was made (the clause applied); null for an import
 */
public record VersionTarif(int numero, String id, LocalDate dateEffet, SourceVersion source, String format,
        String nomFichier, BigDecimal coefficient, Integer versionDeBase, String motif, long lignes,
        Instant publieeLe, String publieePar) {

    public VersionTarif {
        if (numero < 1) {
            throw new IllegalArgumentException("version number " + numero);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dateEffet, "dateEffet");
        Objects.requireNonNull(source, "source");
    }
}
