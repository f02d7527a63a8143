package fr.centraleachat.marche.consultation.domain;

/** A fact that happened to a consultation, recorded by the aggregate and published once it is saved. */
public sealed interface EvenementConsultation
        permits ConsultationCreee, ConsultationModifiee, ConsultationPubliee, ConsultationCloturee, PlisOuverts,
        ConsultationAttribuee, MarcheNotifie, ConsultationSansSuite, ConsultationSupprimee, ConsultationRectifiee {

    ConsultationId consultationId();
}
