package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.UUID;

/** Identifier of a recensement des besoins. */
public record RecensementId(UUID valeur) {

    public RecensementId {
        if (valeur == null) {
            throw new ValeurInvalideException("id", "L'identifiant du recensement est obligatoire.");
        }
    }

    public static RecensementId nouveau() {
        return new RecensementId(UUID.randomUUID());
    }

    public static RecensementId de(String texte) {
        try {
            return new RecensementId(UUID.fromString(texte));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValeurInvalideException("id", "Identifiant de recensement « " + texte + " » invalide.");
        }
    }

    @Override
    public String toString() {
        return valeur.toString();
    }
}
