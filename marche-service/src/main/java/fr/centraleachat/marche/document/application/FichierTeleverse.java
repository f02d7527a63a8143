package fr.centraleachat.marche.document.application;

import java.io.IOException;
import java.io.InputStream;

/** A file as it arrives in an upload: its name as given, and its content, read once as a stream. */
public record FichierTeleverse(String nom, Contenu contenu) {

    @FunctionalInterface
    public interface Contenu {
        InputStream ouvrir() throws IOException;
    }
}
