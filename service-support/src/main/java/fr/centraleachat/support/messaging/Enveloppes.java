package fr.centraleachat.support.messaging;

import fr.centraleachat.support.web.CorrelationId;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;

/** CloudEvents 1.0 envelope of integration events: binary mode on Kafka, JSON data, keyed by the subject. */
public final class Enveloppes {

    private Enveloppes() {
    }

    /** Builds the envelope of an outbox message as stored in MongoDB. */
    public static CloudEvent versCloudEvent(Document message) {
        Object date = message.get("date");
        var instant = date instanceof Date d ? d.toInstant() : java.time.Instant.parse(String.valueOf(date));
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getString("evenementId"))
                .withSource(URI.create(message.getString("source")))
                .withType(message.getString("type"))
                .withSubject(message.getString("sujet"))
                .withTime(instant.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(message.getString("donnees").getBytes(StandardCharsets.UTF_8));
        if (message.getString("dataSchema") != null) {
            builder.withDataSchema(URI.create(message.getString("dataSchema")));
        }
        if (message.getString("correlationId") != null) {
            builder.withExtension(CorrelationId.CE_EXTENSION, message.getString("correlationId"));
        }
        return builder.build();
    }
}
