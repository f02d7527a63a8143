package fr.centraleachat.marche.fichier.application;

import fr.centraleachat.support.web.Problemes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A file past its size limit: refused as a whole, nothing of it kept. */
public class FichierTropVolumineuxException extends ErrorResponseException {

    public FichierTropVolumineuxException(String nom, long limite) {
        super(HttpStatus.CONTENT_TOO_LARGE, Problemes.probleme(HttpStatus.CONTENT_TOO_LARGE, "Fichier trop volumineux",
                "Le fichier « " + nom + " » dépasse la taille maximale acceptée (" + limite / (1024 * 1024)
                        + " Mo)."), null);
    }
}
