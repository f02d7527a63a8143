package fr.centraleachat.marche.consultation.domain;

import java.util.Objects;

public record ConsultationRectifiee(ConsultationId consultationId, Rectificatif rectificatif)
        implements EvenementConsultation {

    public ConsultationRectifiee {
        Objects.requireNonNull(rectificatif, "rectificatif");
    }
}
