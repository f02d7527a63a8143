package fr.centraleachat.kernel;

/** The resource does not exist, or the caller may not know that it exists. Answered with 404. */
public class RessourceIntrouvableException extends DomainException {

    public RessourceIntrouvableException(String message) {
        super(message);
    }
}
