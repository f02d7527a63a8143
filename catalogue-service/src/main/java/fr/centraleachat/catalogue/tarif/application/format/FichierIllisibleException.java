package fr.centraleachat.catalogue.tarif.application.format;

/** A file refused as a whole: wrong encoding or separator, not a spreadsheet, past a limit. Message in French. */
public class FichierIllisibleException extends RuntimeException {

    public FichierIllisibleException(String message) {
        super(message);
    }

    public FichierIllisibleException(String message, Throwable cause) {
        super(message, cause);
    }
}
