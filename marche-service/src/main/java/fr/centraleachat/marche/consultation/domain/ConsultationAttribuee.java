package fr.centraleachat.marche.consultation.domain;

public record ConsultationAttribuee(ConsultationId consultationId) implements EvenementConsultation {
}
