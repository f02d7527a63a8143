package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;

/** The deliberation by which a member's council approved the convention constitutive. */
public record Approbation(String numeroDeliberation, LocalDate dateDeliberation) {

    public static final int NUMERO_MAX = 50;

    public Approbation {
        if (numeroDeliberation == null || numeroDeliberation.isBlank()) {
            throw new ValeurInvalideException("numeroDeliberation", "Le numéro de délibération est obligatoire.");
        }
        numeroDeliberation = numeroDeliberation.strip();
        if (numeroDeliberation.length() > NUMERO_MAX) {
            throw new ValeurInvalideException("numeroDeliberation",
                    "Le numéro de délibération dépasse " + NUMERO_MAX + " caractères.");
        }
        if (dateDeliberation == null) {
            throw new ValeurInvalideException("dateDeliberation", "La date de la délibération est obligatoire.");
        }
    }
}
