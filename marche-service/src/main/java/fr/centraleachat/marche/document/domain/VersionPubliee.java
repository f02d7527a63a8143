package fr.centraleachat.marche.document.domain;

import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.time.Instant;
import java.util.Objects;

/**
 * A version as the DCE shows it, once part of it.
 *
 * @param fichier null for the version that withdrew the document
 * @param rectificatif the number of the rectificatif it came with, null for a document filed outside any
 */
public record VersionPubliee(int version, FichierStocke fichier, Instant date, Integer rectificatif) {

    public VersionPubliee {
        Objects.requireNonNull(date, "date");
    }

    public boolean estUnRetrait() {
        return fichier == null;
    }
}
