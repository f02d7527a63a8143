package fr.centraleachat.marche.pli.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a supplier's plis on a lot; the sealed offers are ciphertext, the files sit in GridFS. */
@Document(SoumissionDocument.COLLECTION)
public record SoumissionDocument(@Id String id, String consultationId, int lot, String siret, List<PliDocument> plis,
        long version) {

    public static final String COLLECTION = "soumissions";

    public record PliDocument(String numero, Instant recuLe, String statut, List<PieceDocument> pieces,
            byte[] offreScellee) {
    }

    public record PieceDocument(String nature, String fichier, String nom, String typeContenu, long taille,
            String sha256) {
    }
}
