package fr.centraleachat.marche.document.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.domain.DocumentEnVigueur;
import java.util.List;

/** The whole DCE, ready to stream as one archive (its download is already recorded). */
public record DceATelecharger(ConsultationId consultationId, List<DocumentEnVigueur> documents,
        FichierATelecharger.Lecteur lecteur) {

    public DceATelecharger {
        documents = List.copyOf(documents);
    }
}
