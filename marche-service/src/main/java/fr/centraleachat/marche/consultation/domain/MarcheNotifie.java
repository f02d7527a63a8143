package fr.centraleachat.marche.consultation.domain;

public record MarcheNotifie(ConsultationId consultationId) implements EvenementConsultation {
}
