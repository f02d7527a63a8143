package fr.centraleachat.marche.reglementation;

import java.util.List;

/**
 * Outcome of an accepted DLRO: the deadline granted, the legal minimum that applied (0 when none) and warnings
 * for the acheteur, in French, that do not block publication.
 */
public record ControleDlro(int delaiEnJours, int delaiMinimalEnJours, List<String> avertissements) {

    public ControleDlro {
        avertissements = List.copyOf(avertissements);
    }

    public boolean sansAvertissement() {
        return avertissements.isEmpty();
    }
}
