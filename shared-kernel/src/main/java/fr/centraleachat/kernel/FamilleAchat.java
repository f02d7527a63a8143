package fr.centraleachat.kernel;

/**
 * The purchasing families (familles d'achat) of the centrale: the one list a member's adhésion hands over, a
 * consultation buys for and the catalogue checks subscriptions against. It follows the schéma de mutualisation of
 * Dijon Métropole (2021-2026); a new family is a new constant here, read by every service.
 */
public enum FamilleAchat {
    FOURNITURES_ADMINISTRATIVES("Fournitures administratives et de bureau"),
    INFORMATIQUE_TELECOMS("Informatique et télécommunications"),
    ENERGIE("Énergie"),
    VEHICULES_CARBURANTS("Véhicules et carburants"),
    RESTAURATION("Restauration collective"),
    DENREES_ALIMENTAIRES("Denrées alimentaires et analyses de laboratoire"),
    TRAITEURS("Prestations de traiteurs"),
    ENTRETIEN_NETTOYAGE("Entretien et nettoyage"),
    BATIMENT_TRAVAUX("Bâtiment et travaux"),
    ECLAIRAGE_PUBLIC("Éclairage public"),
    ESPACES_VERTS("Espaces verts"),
    VIDEOPROTECTION("Vidéoprotection"),
    ASSURANCES("Assurances"),
    PRESTATIONS_JURIDIQUES("Prestations juridiques"),
    ABONNEMENTS_DOCUMENTATION("Abonnements et documentation"),
    COMMUNICATION_IMPRESSION("Communication, impression et événementiel"),
    PRESTATIONS_INTELLECTUELLES("Prestations intellectuelles");

    private final String libelle;

    FamilleAchat(String libelle) {
        this.libelle = libelle;
    }

    /** The name users read, in French. */
    public String libelle() {
        return libelle;
    }
}
