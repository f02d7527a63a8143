package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

import java.util.List;
import java.util.Objects;

/** Shared guard for the list value objects: List.copyOf would fail on null with a bare NullPointerException. */
final class Listes {

    private Listes() {
    }

    static <T> List<T> copieNonVide(List<T> liste, String champ, String messageSiVide) {
        if (liste == null || liste.isEmpty()) {
            throw new ValeurInvalideException(champ, messageSiVide);
        }
        if (liste.stream().anyMatch(Objects::isNull)) {
            throw new ValeurInvalideException(champ, "La liste ne doit pas contenir d'élément vide.");
        }
        return List.copyOf(liste);
    }
}
