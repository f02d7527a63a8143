package fr.centraleachat.kernel;

/** The caller is known but may not do this (wrong role, another member's data). Answered with 403. */
public class AccesRefuseException extends DomainException {

    public AccesRefuseException(String message) {
        super(message);
    }
}
