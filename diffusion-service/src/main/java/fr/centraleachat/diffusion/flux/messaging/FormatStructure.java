package fr.centraleachat.diffusion.flux.messaging;

import fr.centraleachat.support.messaging.EvenementIllisibleException;
import io.cloudevents.CloudEvent;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent received in Kafka's binary mode, written in the JSON event format (structured mode): the same id,
 * type, source, subject, time, schema and extensions, the payload as JSON under {@code data}. What a feed reader
 * gets is what a Kafka consumer got.
 */
final class FormatStructure {

    private FormatStructure() {
    }

    static String json(CloudEvent evenement, JsonMapper json) {
        if (evenement.getData() == null) {
            throw new EvenementIllisibleException("event " + evenement.getId() + " has no data");
        }
        JsonNode donnees;
        try {
            donnees = json.readTree(evenement.getData().toBytes());
        } catch (JacksonException e) {
            throw new EvenementIllisibleException("event " + evenement.getId() + " has data that is not JSON: "
                    + e.getOriginalMessage());
        }
        ObjectNode noeud = json.createObjectNode();
        noeud.put("specversion", evenement.getSpecVersion().toString());
        noeud.put("id", evenement.getId());
        noeud.put("source", evenement.getSource().toString());
        noeud.put("type", evenement.getType());
        if (evenement.getSubject() != null) {
            noeud.put("subject", evenement.getSubject());
        }
        if (evenement.getTime() != null) {
            // RFC 3339 with seconds always written (OffsetDateTime.toString drops ":00").
            noeud.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(evenement.getTime()));
        }
        noeud.put("datacontenttype", evenement.getDataContentType() == null ? "application/json"
                : evenement.getDataContentType());
        if (evenement.getDataSchema() != null) {
            noeud.put("dataschema", evenement.getDataSchema().toString());
        }
        for (String extension : evenement.getExtensionNames()) {
            Object valeur = evenement.getExtension(extension);
            if (valeur != null) {
                noeud.put(extension, valeur.toString());
            }
        }
        noeud.set("data", donnees);
        return json.writeValueAsString(noeud);
    }
}
