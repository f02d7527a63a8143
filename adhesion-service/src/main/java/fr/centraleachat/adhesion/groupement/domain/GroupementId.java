package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.UUID;

/** Identifier of a groupement de commandes. */
public record GroupementId(UUID valeur) {

    public GroupementId {
        if (valeur == null) {
            throw new ValeurInvalideException("id", "L'identifiant du groupement est obligatoire.");
        }
    }

    public static GroupementId nouveau() {
        return new GroupementId(UUID.randomUUID());
    }

    public static GroupementId de(String texte) {
        try {
            return new GroupementId(UUID.fromString(texte));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValeurInvalideException("id", "Identifiant de groupement « " + texte + " » invalide.");
        }
    }

    @Override
    public String toString() {
        return valeur.toString();
    }
}
