package fr.centraleachat.marche.consultation.domain;

import java.time.Instant;

public record ConsultationCloturee(ConsultationId consultationId, Instant dateCloture) implements EvenementConsultation {
}
