package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.Consultation;
import java.util.List;
import java.util.Objects;

/**
 * A consultation as stored: the aggregate, the warnings given to the acheteur at publication (kept for later
 * reads, the aggregate does not need them) and the stored version.
 */
public record FicheConsultation(Consultation consultation, List<String> avertissements, long version) {

    public FicheConsultation {
        Objects.requireNonNull(consultation, "consultation");
        avertissements = avertissements == null ? List.of() : List.copyOf(avertissements);
    }

    public static FicheConsultation lue(Consultation consultation, List<String> avertissements) {
        return new FicheConsultation(consultation, avertissements, consultation.version());
    }
}
