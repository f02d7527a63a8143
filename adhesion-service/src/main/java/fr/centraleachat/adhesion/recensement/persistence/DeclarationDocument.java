package fr.centraleachat.adhesion.recensement.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of one invited member's declaration, id {@code <recensementId>:<siren>}, created unanswered when the
 * recensement opens. Its own {@code outbox} carries the BesoinsDeclares events, so declaring is one write of the
 * member's document only. Closing sets {@code clos} and bumps {@code version}: a declaration read before that
 * cannot be saved after it.
 */
@Document(DeclarationDocument.COLLECTION)
public record DeclarationDocument(
        @Id String id,
        String recensementId,
        String siren,
        boolean clos,
        long revision,
        Instant declareLe,
        List<LigneDocument> lots,
        long version) {

    public static final String COLLECTION = "declarations_besoins";

    static String id(String recensementId, String siren) {
        return recensementId + ":" + siren;
    }

    public record LigneDocument(int lot, boolean pasDeBesoin, String quantite, String montantEstime,
            List<String> sitesLivraison, String commentaire) {
    }
}
