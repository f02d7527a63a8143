package fr.centraleachat.catalogue.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;

/** A lot of a published consultation; {@code cpv} is absent when the lot uses the main CPV code. */
public record LotConsultation(int numero, String intitule, BigDecimal montantEstime, CodeCpv cpv) {

    public LotConsultation {
        if (numero < 1) {
            throw new ValeurInvalideException("lots", "Le numéro de lot doit être supérieur ou égal à 1.");
        }
        if (intitule == null || intitule.isBlank()) {
            throw new ValeurInvalideException("lots", "L'intitulé du lot n° " + numero + " est obligatoire.");
        }
    }
}
