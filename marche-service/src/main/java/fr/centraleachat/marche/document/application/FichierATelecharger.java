package fr.centraleachat.marche.document.application;

import fr.centraleachat.marche.document.domain.VersionPubliee;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.io.IOException;
import java.io.InputStream;

/** One version of a document, ready to stream (its download is already recorded). */
public record FichierATelecharger(int document, VersionPubliee version, Lecteur lecteur) {

    /** Opens a stored file of the DCE as a stream (the caller closes it). */
    @FunctionalInterface
    public interface Lecteur {
        InputStream ouvrir(FichierStocke fichier) throws IOException;
    }

    public FichierStocke fichier() {
        return version.fichier();
    }

    public InputStream ouvrir() throws IOException {
        return lecteur.ouvrir(version.fichier());
    }
}
