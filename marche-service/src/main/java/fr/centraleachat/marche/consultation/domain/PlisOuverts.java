package fr.centraleachat.marche.consultation.domain;

public record PlisOuverts(ConsultationId consultationId) implements EvenementConsultation {
}
