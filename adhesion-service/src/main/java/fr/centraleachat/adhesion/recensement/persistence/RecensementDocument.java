package fr.centraleachat.adhesion.recensement.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of a recensement, with its consolidation once closed; decimals are kept as strings so that no
 * binary rounding touches them. The {@code outbox} field belongs to the relay and is not mapped.
 */
@Document(RecensementDocument.COLLECTION)
public record RecensementDocument(
        @Id String id,
        String objet,
        String familleAchat,
        String nature,
        String cpvPrincipal,
        List<LotDocument> lots,
        List<String> membresInvites,
        Instant dateCloture,
        String ouvertPar,
        Instant ouvertLe,
        String statut,
        Instant clotureLe,
        ConsolidationDocument consolidation,
        long version) {

    public static final String COLLECTION = "recensements";

    public record LotDocument(int numero, String description, String unite, String codeCpv) {
    }

    public record ConsolidationDocument(List<LotConsolideDocument> lots, List<String> membresAyantDeclare,
            List<String> membresSansBesoin, List<String> membresSansReponse) {
    }

    public record LotConsolideDocument(int numero, String quantiteTotale, String montantEstimeTotal,
            List<BesoinMembreDocument> besoins) {
    }

    public record BesoinMembreDocument(String siren, String quantite, String montantEstime) {
    }
}
