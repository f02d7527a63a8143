package fr.centraleachat.stack;

/** The stack could not start; everything already started has been stopped. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
