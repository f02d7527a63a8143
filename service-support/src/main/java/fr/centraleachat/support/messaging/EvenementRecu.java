package fr.centraleachat.support.messaging;

import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.support.web.CorrelationId;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** An integration event as a consumer sees it: the envelope plus a typed view of its data. */
public record EvenementRecu(String id, String type, String source, String sujet, Instant date, String correlationId,
        byte[] donnees) {

    public static EvenementRecu depuis(CloudEvent evenement) {
        if (evenement.getSubject() == null || evenement.getData() == null) {
            throw new EvenementIllisibleException("event " + evenement.getId() + " has no subject or no data");
        }
        Object correlation = evenement.getExtension(CorrelationId.CE_EXTENSION);
        return new EvenementRecu(evenement.getId(), evenement.getType(), String.valueOf(evenement.getSource()),
                evenement.getSubject(), evenement.getTime() == null ? null : evenement.getTime().toInstant(),
                correlation == null ? null : correlation.toString(), evenement.getData().toBytes());
    }

    public boolean est(TypeEvenement<?> typeAttendu) {
        return typeAttendu.ceType().equals(type);
    }

    /** The payload read as the contract's record; unknown fields are ignored, a broken payload is poison. */
    public <T> T donnees(TypeEvenement<T> typeAttendu, JsonMapper json) {
        return donnees(typeAttendu.payload(), json);
    }

    /** Same, for an event private to one service, which has no {@link TypeEvenement} in the public catalogue. */
    public <T> T donnees(Class<T> payload, JsonMapper json) {
        try {
            // Contracts evolve by adding fields: a consumer must read a newer producer's events.
            return json.readerFor(payload)
                    .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(donnees);
        } catch (JacksonException e) {
            throw new EvenementIllisibleException("event " + id + " of type " + type + " has unreadable data: "
                    + e.getOriginalMessage());
        }
    }
}
