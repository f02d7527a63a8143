package fr.centraleachat.adhesion.adhesion.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.UUID;

/** Identifier of an adhésion. */
public record AdhesionId(UUID valeur) {

    public AdhesionId {
        if (valeur == null) {
            throw new ValeurInvalideException("id", "L'identifiant de l'adhésion est obligatoire.");
        }
    }

    public static AdhesionId nouveau() {
        return new AdhesionId(UUID.randomUUID());
    }

    public static AdhesionId de(String texte) {
        try {
            return new AdhesionId(UUID.fromString(texte));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValeurInvalideException("id", "Identifiant d'adhésion « " + texte + " » invalide.");
        }
    }

    @Override
    public String toString() {
        return valeur.toString();
    }
}
