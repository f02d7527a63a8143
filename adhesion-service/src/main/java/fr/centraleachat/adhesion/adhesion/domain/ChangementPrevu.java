package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A change decided now that takes effect on a later date: an activation whose convention takes effect later, or a
 * termination dated ahead. Until that date the adhésion keeps its current state.
 *
 * @param motif the termination's reason; absent for an activation
 */
public record ChangementPrevu(Type type, LocalDate dateEffet, Motif motif) {

    public enum Type {
        ACTIVATION,
        RESILIATION
    }

    public ChangementPrevu {
        Objects.requireNonNull(type, "type");
        if (dateEffet == null) {
            throw new ValeurInvalideException("dateEffet", "La date d'effet est obligatoire.");
        }
        if (type == Type.RESILIATION && motif == null) {
            throw new ValeurInvalideException("motif", "Le motif est obligatoire.");
        }
    }

    /** Due on its effective date (Europe/Paris calendar day) and after. */
    public boolean estEchu(LocalDate aujourdhui) {
        return !dateEffet.isAfter(aujourdhui);
    }
}
