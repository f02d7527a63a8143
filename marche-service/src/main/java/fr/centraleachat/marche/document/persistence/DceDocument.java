package fr.centraleachat.marche.document.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a consultation's DCE (id = the consultation's id); the files sit in the GridFS bucket {@code dce}. */
@Document(DceDocument.COLLECTION)
public record DceDocument(@Id String id, int dernierNumero, List<DocumentDce> documents, long version) {

    public static final String COLLECTION = "dce";

    public record DocumentDce(int numero, String type, String titre, List<VersionDce> versions) {
    }

    /** {@code fichier} (the GridFS id) and the file's fields are null for a withdrawal. */
    public record VersionDce(int version, String fichier, String nom, String typeContenu, Long taille, String sha256,
            Instant date, String rectificatif) {
    }
}
