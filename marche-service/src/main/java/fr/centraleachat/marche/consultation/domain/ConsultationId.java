package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

import java.util.UUID;

public record ConsultationId(UUID valeur) {

    public ConsultationId {
        if (valeur == null) {
            throw new ValeurInvalideException("id", "L'identifiant de la consultation est obligatoire.");
        }
    }

    public static ConsultationId nouveau() {
        return new ConsultationId(UUID.randomUUID());
    }

    public static ConsultationId de(String texte) {
        try {
            return new ConsultationId(UUID.fromString(texte));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValeurInvalideException("id", "L'identifiant de consultation « " + texte + " » est invalide.");
        }
    }

    @Override
    public String toString() {
        return valeur.toString();
    }
}
