package fr.centraleachat.marche.journal.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;

/**
 * What the journal asks of the consultations: whether one exists now. A consultation without a journal yet (its
 * creation is still on its way to the journal) is an empty journal, not an unknown one.
 */
public interface ConsultationsJournalisees {

    boolean existe(ConsultationId id);
}
