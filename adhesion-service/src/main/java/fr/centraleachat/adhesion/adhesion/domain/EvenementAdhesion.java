package fr.centraleachat.adhesion.adhesion.domain;

/** A fact recorded by the adhésion aggregate. */
public sealed interface EvenementAdhesion permits AdhesionDemandee, DeliberationEnregistree, AdhesionActivee,
        AdhesionSuspendue, AdhesionReprise, AdhesionResiliee {

    AdhesionId adhesionId();
}
