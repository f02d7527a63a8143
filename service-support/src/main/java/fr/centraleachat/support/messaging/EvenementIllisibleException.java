package fr.centraleachat.support.messaging;

/** A message that will never be processed, however often it is retried: it goes to the dead-letter topic. */
public class EvenementIllisibleException extends RuntimeException {

    public EvenementIllisibleException(String message) {
        super(message);
    }
}
