package fr.centraleachat.adhesion.adhesion.persistence;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of an adhésion. Dates are ISO strings so that no time zone shifts them. {@code adhesionEnCours}
 * carries a unique index: it holds the member's SIREN while the adhésion is not terminated, and the adhésion's
 * own id once it is, so a member can have only one adhésion in progress without any multi-document transaction.
 * The {@code outbox} field of the same document belongs to the relay and is deliberately not mapped; a null
 * property is removed from the stored document on update (so a resumption clears the suspension). A change planned
 * for a later date ({@code changementPrevu}, {@code dateChangementPrevu} as an ISO date, which sorts as a string)
 * lives in the same document, so applying it with its event is one single-document write.
 */
@Document(AdhesionDocument.COLLECTION)
public record AdhesionDocument(
        @Id String id,
        String siren,
        String adhesionEnCours,
        List<String> famillesAchat,
        String missions,
        String statut,
        String dateDemande,
        String numeroDeliberation,
        String dateDeliberation,
        String dateSignatureConvention,
        String dateEffet,
        String dateSuspension,
        String motifSuspension,
        String dateResiliation,
        String motifResiliation,
        String changementPrevu,
        String dateChangementPrevu,
        String motifChangementPrevu,
        long version) {

    public static final String COLLECTION = "adhesions";
    public static final String CLE_EN_COURS = "adhesionEnCours";
    public static final String DATE_CHANGEMENT_PREVU = "dateChangementPrevu";
}
