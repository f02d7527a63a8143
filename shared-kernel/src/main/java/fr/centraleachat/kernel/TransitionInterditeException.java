package fr.centraleachat.kernel;

/** A lifecycle step attempted from a state that does not allow it. Answered with 409 Conflict. */
public class TransitionInterditeException extends DomainException {

    private final String etatActuel;

    public TransitionInterditeException(String etatActuel, String message) {
        super(message);
        this.etatActuel = etatActuel;
    }

    public static TransitionInterditeException depuis(Enum<?> etat, String action) {
        return new TransitionInterditeException(etat.name(),
                "Impossible de " + action + " : l'état actuel est " + etat.name() + ".");
    }

    public String etatActuel() {
        return etatActuel;
    }
}
