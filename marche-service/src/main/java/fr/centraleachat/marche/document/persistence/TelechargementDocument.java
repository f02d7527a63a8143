package fr.centraleachat.marche.document.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One download of a DCE, inserted once and never updated. */
@Document(TelechargementDocument.COLLECTION)
public record TelechargementDocument(@Id String id, String consultationId, Instant date, String sujet,
        List<String> roles, String siret, String membre, boolean archive, List<FichierDocument> fichiers,
        String correlationId) {

    public static final String COLLECTION = "telechargements";

    public record FichierDocument(int document, int version, String nom, String sha256) {
    }
}
