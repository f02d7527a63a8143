package fr.centraleachat.adhesion.recensement.domain;

/** A fact recorded by the recensement aggregate. */
public sealed interface EvenementRecensement permits RecensementOuvert, RecensementRelance, RecensementClos {

    RecensementId recensementId();
}
