package fr.centraleachat.marche.analyse.domain;

/** The legal ground of a modification of a marché (articles R2194-1 to R2194-9 of the code de la commande publique). */
public enum BaseLegaleAvenant {
    CLAUSE_REEXAMEN("R2194-1", "clause de réexamen"),
    PRESTATIONS_SUPPLEMENTAIRES("R2194-2", "prestations supplémentaires"),
    CIRCONSTANCES_IMPREVUES("R2194-5", "circonstances imprévues"),
    MODIFICATION_NON_SUBSTANTIELLE("R2194-7", "modification non substantielle"),
    DE_MINIMIS("R2194-8", "modification de faible montant (de minimis)");

    private final String article;
    private final String libelle;

    BaseLegaleAvenant(String article, String libelle) {
        this.article = article;
        this.libelle = libelle;
    }

    public String article() {
        return article;
    }

    public String libelle() {
        return libelle;
    }

    /** R2194-3 and R2194-5: each such change is capped at 50 % of the initial amount. */
    boolean plafonneeParModification() {
        return this == PRESTATIONS_SUPPLEMENTAIRES || this == CIRCONSTANCES_IMPREVUES;
    }
}
