package fr.centraleachat.marche.reglementation;

/** Award procedure, derived from the estimated value and the thresholds in force at launch. */
public enum Procedure {
    DISPENSE("marché sans publicité ni mise en concurrence préalables"),
    MAPA("procédure adaptée"),
    APPEL_OFFRES_OUVERT("appel d'offres ouvert");

    private final String libelle;

    Procedure(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
