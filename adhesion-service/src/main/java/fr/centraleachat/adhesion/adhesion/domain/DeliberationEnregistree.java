package fr.centraleachat.adhesion.adhesion.domain;

public record DeliberationEnregistree(AdhesionId adhesionId, Deliberation deliberation) implements EvenementAdhesion {
}
