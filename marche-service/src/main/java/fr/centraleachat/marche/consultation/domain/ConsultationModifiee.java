package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Montant;

/** The draft's content replaced: what it was and what it is now, so that the change can be told. */
public record ConsultationModifiee(ConsultationId consultationId, ContenuConsultation avant, ContenuConsultation apres)
        implements EvenementConsultation {

    public Montant valeurEstimeeTotale() {
        return apres.valeurEstimeeTotale();
    }
}
