package fr.centraleachat.marche.document.domain;

import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.util.Objects;

/** A document a rectificatif adds to the DCE. */
public record NouveauDocument(TypeDocument type, String titre, FichierStocke fichier) {

    public NouveauDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fichier, "fichier");
        titre = Document.titreValide(titre);
    }
}
