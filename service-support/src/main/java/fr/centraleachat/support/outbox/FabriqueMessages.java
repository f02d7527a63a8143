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
        return new MessageSortant(UUID.randomUUID().toString(), type.ceType(), type.topic().nom(),
                type.topic().source(), type.dataSchema(), sujet, horloge.instant(), CorrelationId.courant(),
                json.writeValueAsString(donnees));
    }
}
