package fr.centraleachat.marche.programmation.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of an annual plan, id = the year. Amounts as decimal strings so that no store rounds them; the
 * {@code outbox} field belongs to the relay and is not mapped.
 */
@Document(PlanAnnuelDocument.COLLECTION)
public record PlanAnnuelDocument(@Id String id, int annee, List<ProcedureDocument> procedures,
        List<BesoinDocument> besoins, long version) {

    public static final String COLLECTION = "plans_annuels";

    public record ProcedureDocument(String id, String objet, String familleAchat, String cpvPrincipal, String nature,
            String valeurEstimee, int trimestre, List<String> membres, String statut, String consultationId,
            String motifAbandon) {
    }

    public record BesoinDocument(String id, String membre, String objet, String familleAchat, String valeurEstimee,
            String commentaire, String statut, String procedureId, String motifRefus) {
    }
}
