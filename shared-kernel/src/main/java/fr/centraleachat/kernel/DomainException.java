package fr.centraleachat.kernel;

/** Base of every business failure. Messages are in French: they reach end users as they are. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
