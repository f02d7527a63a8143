package fr.centraleachat.kernel;

/**
 * A value that breaks its own rules (bad check digit, negative amount...). Carries the name of the offending
 * field when known so the web layer can answer with a per-field message.
 */
public class ValeurInvalideException extends DomainException {

    private final String champ;

    public ValeurInvalideException(String champ, String message) {
        super(message);
        this.champ = champ;
    }

    /** The field concerned, or {@code null} when the value is not tied to one field. */
    public String champ() {
        return champ;
    }
}
