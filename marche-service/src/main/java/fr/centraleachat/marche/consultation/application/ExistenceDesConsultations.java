package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.ConsultationsJournalisees;
import org.springframework.stereotype.Component;

/** Tells the journal whether a consultation exists (a deleted draft does not; its journal remains). */
@Component
class ExistenceDesConsultations implements ConsultationsJournalisees {

    private final Consultations consultations;

    ExistenceDesConsultations(Consultations consultations) {
        this.consultations = consultations;
    }

    @Override
    public boolean existe(ConsultationId id) {
        return consultations.trouver(id).isPresent();
    }
}
