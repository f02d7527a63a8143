package fr.centraleachat.support.outbox;

import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.support.web.CorrelationId;
import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a contract payload into an outbox message, stamping id, time and the current correlation id. Its
 * {@code dataschema} is the payload schema's address at the gateway, under the centrale's public address
 * ({@code centrale.url-publique}, {@code CENTRALE_URL_PUBLIQUE}): CloudEvents wants an absolute URI there.
 */
public class FabriqueMessages {

    /** The services' default public address (centrale-service-defaults.yml). */
    public static final String URL_PUBLIQUE_PAR_DEFAUT = "http://localhost:8080";

    private final JsonMapper json;
    private final Clock horloge;
    private final String urlPublique;

    public FabriqueMessages(JsonMapper json, Clock horloge) {
        this(json, horloge, URL_PUBLIQUE_PAR_DEFAUT);
    }

    public FabriqueMessages(JsonMapper json, Clock horloge, String urlPublique) {
        this.json = json;
        this.horloge = horloge;
        this.urlPublique = urlPublique;
    }

    public <T> MessageSortant message(TypeEvenement<T> type, String sujet, T donnees) {
        return message(type.ceType(), type.topic().nom(), type.topic().source(), type.dataSchema(urlPublique), sujet,
                donnees);
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
