package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;

/** The council deliberation by which the member decided to adhere. */
public record Deliberation(String numero, LocalDate date) {

    public static final int NUMERO_MAX = 50;

    public Deliberation {
        if (numero == null || numero.isBlank()) {
            throw new ValeurInvalideException("numero", "Le numéro de délibération est obligatoire.");
        }
        numero = numero.strip();
        if (numero.length() > NUMERO_MAX) {
            throw new ValeurInvalideException("numero",
                    "Le numéro de délibération dépasse " + NUMERO_MAX + " caractères.");
        }
        if (date == null) {
            throw new ValeurInvalideException("date", "La date de la délibération est obligatoire.");
        }
    }
}
