package fr.centraleachat.marche.pli.domain;

import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.util.Objects;

/** A file of a pli: stored encrypted, described by its clear size and SHA-256 (what the receipt shows). */
public record PieceDeposee(NaturePiece nature, FichierStocke fichier) {

    public PieceDeposee {
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(fichier, "fichier");
    }
}
