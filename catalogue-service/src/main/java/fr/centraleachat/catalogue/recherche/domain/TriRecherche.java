package fr.centraleachat.catalogue.recherche.domain;

import java.util.Arrays;
import java.util.Optional;

/** How results are ordered; ties are always broken by contract number then reference, so that paging is stable. */
public enum TriRecherche {
    /** Best match first (without search text: by contract then reference). */
    PERTINENCE("pertinence"),
    PRIX_CROISSANT("prix_asc"),
    PRIX_DECROISSANT("prix_desc");

    private final String valeur;

    TriRecherche(String valeur) {
        this.valeur = valeur;
    }

    public String valeur() {
        return valeur;
    }

    public static Optional<TriRecherche> depuis(String valeur) {
        return Arrays.stream(values()).filter(t -> t.valeur.equals(valeur)).findFirst();
    }
}
