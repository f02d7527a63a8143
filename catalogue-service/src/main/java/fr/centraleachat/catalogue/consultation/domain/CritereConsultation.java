package fr.centraleachat.catalogue.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

/** An award criterion with its weight; {@code type} is {@code PRIX}, {@code TECHNIQUE} or {@code AUTRE}. */
public record CritereConsultation(String libelle, int ponderation, String type) {

    public CritereConsultation {
        if (libelle == null || libelle.isBlank()) {
            throw new ValeurInvalideException("criteres", "Le libellé du critère est obligatoire.");
        }
    }
}
