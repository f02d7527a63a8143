package fr.centraleachat.adhesion.groupement.domain;

/** A fact recorded by the groupement, with the groupement as it stands right after it. */
public sealed interface EvenementGroupement permits GroupementCree, MembreAjouteAuGroupement,
        MembreRetireDuGroupement, ApprobationEnregistree, GroupementConstitue, GroupementDissous {

    Groupement.Etat apres();
}
