package fr.centraleachat.marche.consultation.domain;

public record ConsultationSansSuite(ConsultationId consultationId, StatutConsultation statutPrecedent, String raison)
        implements EvenementConsultation {
}
