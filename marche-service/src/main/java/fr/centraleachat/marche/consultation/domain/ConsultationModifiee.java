package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Montant;

public record ConsultationModifiee(ConsultationId consultationId, Montant valeurEstimeeTotale)
        implements EvenementConsultation {
}
