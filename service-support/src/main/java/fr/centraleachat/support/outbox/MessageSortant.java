package fr.centraleachat.support.outbox;

import java.time.Instant;

/**
 * An integration event waiting to be published, stored INSIDE the aggregate's document (field {@code outbox}) so
 * that the state change and the event are one single-document write: no multi-document transaction is needed,
 * and no event can be lost between the two.
 *
 * @param evenementId the CloudEvents id; consumers de-duplicate on it
 * @param donnees the JSON payload of the versioned contract
 */
public record MessageSortant(
        String evenementId,
        String type,
        String topic,
        String source,
        String dataSchema,
        String sujet,
        Instant date,
        String correlationId,
        String donnees) {

    /** Field holding the pending messages in every aggregate document that publishes events. */
    public static final String CHAMP_OUTBOX = "outbox";
}
