package fr.centraleachat.marche.document.domain;

import java.util.List;
import java.util.Objects;

/** A document as it stands in the DCE: its current version and the earlier ones, oldest first. */
public record DocumentEnVigueur(int numero, TypeDocument type, String titre, VersionPubliee courante,
        List<VersionPubliee> precedentes) {

    public DocumentEnVigueur {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(courante, "courante");
        if (courante.estUnRetrait()) {
            throw new IllegalArgumentException("A withdrawn document is not in force");
        }
        precedentes = List.copyOf(precedentes);
    }
}
