package fr.centraleachat.kernel;

/** A request that is well formed but breaks a business rule (e.g. a DLRO under the legal minimum). */
public class RegleMetierException extends ValeurInvalideException {

    public RegleMetierException(String champ, String message) {
        super(champ, message);
    }

    public RegleMetierException(String message) {
        super(null, message);
    }
}
