package fr.centraleachat.marche.document.domain;

/** What a document of the DCE is, as the acheteur files it. */
public enum TypeDocument {
    REGLEMENT_CONSULTATION("Règlement de la consultation"),
    CCAP("Cahier des clauses administratives particulières"),
    CCTP("Cahier des clauses techniques particulières"),
    BPU("Bordereau des prix unitaires"),
    DQE("Détail quantitatif estimatif"),
    PLAN("Plan"),
    AUTRE("Autre document");

    private final String libelle;

    TypeDocument(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
