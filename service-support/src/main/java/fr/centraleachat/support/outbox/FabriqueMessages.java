package fr.centraleachat.support.outbox;

import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.support.web.CorrelationId;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Turns a contract payload into an outbox message, stamping id, time and the current correlation id. */
public class FabriqueMessages {

    private final JsonMapper json;
    private final Clock horloge;

    public FabriqueMessages(JsonMapper json, Clock horloge) {
        this.json = json;
        this.horloge = horloge;
    }

    public <T> MessageSortant message(TypeEvenement<T> type, String sujet, T donnees) {
        return message(type.ceType(), type.topic().nom(), type.topic().source(), type.dataSchema(), sujet, donnees);
    }

    /**
     * A message of an event private to one service, on a topic of its own: such an event is not part of the public
     * catalogue ({@code Evenements}, {@code Topic}), so it has no {@link TypeEvenement}.
     */
    public MessageSortant message(String ceType, String topic, String source, String dataSchema, String sujet,
            Object donnees) {
        return new MessageSortant(UUID.randomUUID().toString(), ceType, topic, source, dataSchema, sujet,
                horloge.instant(), CorrelationId.courant(), json.writeValueAsString(donnees));
    }
}
