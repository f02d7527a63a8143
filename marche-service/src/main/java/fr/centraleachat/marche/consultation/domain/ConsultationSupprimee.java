package fr.centraleachat.marche.consultation.domain;

/** A draft deleted: it was never public, so only the journal hears of it. */
public record ConsultationSupprimee(ConsultationId consultationId) implements EvenementConsultation {
}
