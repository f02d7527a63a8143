package fr.centraleachat.marche.consultation.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of a consultation. Amounts are kept as decimal strings so that no store rounds them; the
 * {@code outbox} field of the same document belongs to the relay and is deliberately not mapped.
 * {@code recensementId} and {@code groupement} are absent unless it mutualises needs.
 * {@code supprimee} marks a deleted draft kept only until the messages of its deletion have left its outbox.
 */
@Document(ConsultationDocument.COLLECTION)
public record ConsultationDocument(
        @Id String id,
        String acheteur,
        String objet,
        String nature,
        String cpvPrincipal,
        String familleAchat,
        List<LotDocument> lots,
        List<CritereDocument> criteres,
        Instant dlro,
        List<String> beneficiaires,
        String delaiReduit,
        Instant dateLimiteQuestions,
        String statut,
        String procedure,
        Instant datePublication,
        Boolean publiciteBoampOuJalRequise,
        String raisonSansSuite,
        List<String> avertissements,
        Boolean supprimee,
        List<RectificatifDocument> rectificatifs,
        String recensementId,
        GroupementDocument groupement,
        long version) {

    public static final String COLLECTION = "consultations";

    /** {@code criteres}: the lot's own award criteria, absent when it uses the consultation's. */
    public record LotDocument(int numero, String intitule, String montantEstime, String cpv,
            List<CritereDocument> criteres) {
    }

    public record CritereDocument(String libelle, int ponderation, String type) {
    }

    /** The groupement de commandes the consultation was launched for, as it was then. */
    public record GroupementDocument(String id, String coordonnateur, String nomCoordonnateur,
            List<String> membresAuLancement) {
    }

    public record RectificatifDocument(String id, int numero, Instant date, String raison, boolean substantiel,
            Instant dlro, Instant dlroPrecedente, Instant dateLimiteQuestions) {
    }
}
