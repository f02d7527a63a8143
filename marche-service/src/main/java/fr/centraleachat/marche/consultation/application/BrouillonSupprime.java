package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.util.Objects;

/**
 * A draft was deleted, inside this service only (nothing of it was public): what belongs to it elsewhere in the
 * service, such as its tender documents, goes with it.
 */
public record BrouillonSupprime(ConsultationId consultationId) {

    public BrouillonSupprime {
        Objects.requireNonNull(consultationId, "consultationId");
    }
}
