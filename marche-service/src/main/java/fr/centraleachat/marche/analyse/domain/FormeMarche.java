package fr.centraleachat.marche.analyse.domain;

/** The form of the marché of a lot (DOMAIN §2): an ordinary marché, or an accord-cadre and how it is executed. */
public enum FormeMarche {
    MARCHE_ORDINAIRE,
    ACCORD_CADRE_BONS_DE_COMMANDE,
    ACCORD_CADRE_MARCHES_SUBSEQUENTS;

    public boolean estAccordCadre() {
        return this != MARCHE_ORDINAIRE;
    }
}
