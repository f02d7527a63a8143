package fr.centraleachat.adhesion.groupement.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of a groupement; dates are ISO strings so that no time zone shifts them. {@code sirens} repeats the
 * members' SIREN so that an agent's list is one query. The {@code outbox} field belongs to the relay.
 */
@Document(GroupementDocument.COLLECTION)
public record GroupementDocument(
        @Id String id,
        String objet,
        String coordonnateur,
        String missions,
        String commissionAppelOffres,
        String repartitionFrais,
        String statut,
        List<MembreGroupementDocument> membres,
        List<String> sirens,
        String dateConstitution,
        String dateDissolution,
        String motifDissolution,
        long sequence,
        long version) {

    public static final String COLLECTION = "groupements";

    public record MembreGroupementDocument(String siren, String ajouteLe, String numeroDeliberation,
            String dateDeliberation) {
    }
}
