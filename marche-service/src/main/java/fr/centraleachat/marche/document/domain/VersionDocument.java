package fr.centraleachat.marche.document.domain;

import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a document of the DCE: its file, or none when a rectificatif withdrew the document.
 *
 * @param rectificatif id of the rectificatif that brought it, null for a document filed outside any rectificatif;
 *     such a version is part of the DCE only once that rectificatif is recorded on the consultation
 */
public record VersionDocument(int version, FichierStocke fichier, Instant date, String rectificatif) {

    public VersionDocument {
        if (version < 1) {
            throw new IllegalArgumentException("Versions are numbered from 1");
        }
        Objects.requireNonNull(date, "date");
        if (rectificatif != null && rectificatif.isBlank()) {
            throw new IllegalArgumentException("A blank rectificatif id");
        }
        if (fichier == null && rectificatif == null) {
            throw new IllegalArgumentException("Only a rectificatif withdraws a document");
        }
    }

    public Optional<FichierStocke> contenu() {
        return Optional.ofNullable(fichier);
    }

    /** The document was withdrawn from the DCE by this version's rectificatif. */
    public boolean estUnRetrait() {
        return fichier == null;
    }

    public long taille() {
        return fichier == null ? 0 : fichier.taille();
    }
}
