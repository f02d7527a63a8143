package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.pli.domain.NaturePiece;
import java.io.IOException;
import java.io.InputStream;

/** A file of a deposit as it arrives: read once, as a stream. */
public record FichierRecu(NaturePiece nature, String nom, Contenu contenu) {

    @FunctionalInterface
    public interface Contenu {
        InputStream ouvrir() throws IOException;
    }
}
