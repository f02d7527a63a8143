package fr.centraleachat.adhesion.adhesion.domain;

/** A fact recorded by the adhésion aggregate. */
public sealed interface EvenementAdhesion permits AdhesionDemandee, DeliberationEnregistree, ActivationPlanifiee,
        AdhesionActivee, ResiliationPlanifiee,
        AdhesionSuspendue, AdhesionReprise, AdhesionResiliee {

    AdhesionId adhesionId();
}
