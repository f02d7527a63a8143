package fr.centraleachat.marche.analyse.domain;

/** Why an offer leaves the analysis (code de la commande publique, L2152-2 to L2152-4 and R2152-3). */
public enum MotifExclusion {
    IRREGULIERE("irrégulière"),
    INACCEPTABLE("inacceptable"),
    INAPPROPRIEE("inappropriée"),
    ANORMALEMENT_BASSE("anormalement basse");

    private final String libelle;

    MotifExclusion(String libelle) {
        this.libelle = libelle;
    }

    /** As the letters say it: "offre irrégulière". */
    public String libelle() {
        return libelle;
    }
}
