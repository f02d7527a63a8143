package fr.centraleachat.kernel.membre;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.List;

/**
 * Who the member is and what it handed over to the centrale, as stated by its activated adhésion.
 *
 * @param missions {@code PASSATION} or {@code PASSATION_ET_EXECUTION}
 */
public record DescriptionMembre(String adhesionId, String nom, String typeMembre, List<String> famillesAchat,
        String missions, LocalDate dateEffet) {

    public DescriptionMembre {
        if (adhesionId == null || adhesionId.isBlank()) {
            throw new ValeurInvalideException("adhesionId", "L'identifiant de l'adhésion est obligatoire.");
        }
        if (nom == null || nom.isBlank()) {
            throw new ValeurInvalideException("nom", "Le nom du membre est obligatoire.");
        }
        famillesAchat = famillesAchat == null ? List.of() : List.copyOf(famillesAchat);
    }
}
