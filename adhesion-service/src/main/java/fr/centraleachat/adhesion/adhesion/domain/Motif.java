package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

/** Why an adhésion is suspended or terminated; kept for the member and for audit. */
public record Motif(String texte) {

    public static final int MAX = 500;

    public Motif {
        if (texte == null || texte.isBlank()) {
            throw new ValeurInvalideException("motif", "Le motif est obligatoire.");
        }
        texte = texte.strip();
        if (texte.length() > MAX) {
            throw new ValeurInvalideException("motif", "Le motif dépasse " + MAX + " caractères.");
        }
    }

    @Override
    public String toString() {
        return texte;
    }
}
