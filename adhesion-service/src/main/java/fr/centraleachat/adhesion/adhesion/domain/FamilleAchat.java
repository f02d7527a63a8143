package fr.centraleachat.adhesion.adhesion.domain;

/** Purchasing families a member may hand over to the centrale. */
public enum FamilleAchat {
    FOURNITURES_ADMINISTRATIVES,
    INFORMATIQUE_TELECOMS,
    ENERGIE,
    VEHICULES_CARBURANTS,
    RESTAURATION,
    ENTRETIEN_NETTOYAGE,
    BATIMENT_TRAVAUX,
    ESPACES_VERTS,
    ASSURANCES,
    PRESTATIONS_INTELLECTUELLES
}
