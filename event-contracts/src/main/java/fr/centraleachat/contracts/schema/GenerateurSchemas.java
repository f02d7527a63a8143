package fr.centraleachat.contracts.schema;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.Facultatif;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.contracts.TypeEvenement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The published description of the integration events, derived from the payload records themselves so that it
 * cannot drift from them: a JSON Schema (draft 2020-12) per event type and the AsyncAPI 3.0 document of the topics.
 *
 * <p>The schemas describe the JSON the services write (Jackson): a record is an object of its components, in
 * order; texts, enum names, {@code LocalDate} ({@code format: date}) and instants ({@code format: date-time}, written
 * with their offset) are strings; {@code BigDecimal} is a number; lists are arrays. Every component is required and
 * non-null unless marked {@link Facultatif} (then null or absent). Objects stay open (no
 * {@code additionalProperties: false}): a consumer ignores the fields a newer producer adds within a version.
 *
 * <p>Trees are plain ordered maps and lists, written as JSON by the caller: this module depends on no library.
 */
public final class GenerateurSchemas {

    public static final String DIALECTE = "https://json-schema.org/draft/2020-12/schema";
    public static final String VERSION_ASYNCAPI = "3.0.0";
    /** The version of the document: the major version of the topics (their names end with it). */
    public static final String VERSION_DOCUMENT = "1.0.0";

    private GenerateurSchemas() {
    }

    /**
     * The standalone JSON Schema of an event's payload, as served at {@link TypeEvenement#dataSchema(String)}.
     *
     * @param urlPublique the centrale's public address, base of the schema's {@code $id}
     */
    public static Map<String, Object> schema(TypeEvenement<?> type, String urlPublique) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", DIALECTE);
        schema.put("$id", type.dataSchema(urlPublique));
        schema.putAll(schemaDuPayload(type));
        return schema;
    }

    /** The payload schema without {@code $schema} and {@code $id}: what the AsyncAPI document embeds. */
    public static Map<String, Object> schemaDuPayload(TypeEvenement<?> type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", type.nom() + " v" + type.version());
        schema.put("description", "Données de l'événement " + type.ceType() + " (topic " + type.topic().nom()
                + ").");
        Map<String, Object> objet = objet(type.payload(), new LinkedHashSet<>());
        objet.remove("title");
        schema.putAll(objet);
        return schema;
    }

    /**
     * The AsyncAPI 3.0 document of every public event: one channel per topic, one message per event type and
     * version (CloudEvents headers, payload schema), one send operation per producing service.
     *
     * @param urlPublique the centrale's public address, base of the {@code dataschema} URIs
     * @param kafka the brokers' {@code host:port} as clients reach them
     */
    public static Map<String, Object> asyncApi(String urlPublique, String kafka) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", VERSION_ASYNCAPI);
        document.put("id", "urn:centrale-achat:evenements");
        document.put("info", carte(
                "title", "Centrale d'achat : événements d'intégration",
                "version", VERSION_DOCUMENT,
                "description", "Événements publiés par les services de la centrale d'achat sur Kafka, au format "
                        + "CloudEvents 1.0 en mode binaire : attributs dans les en-têtes ce_*, données JSON dans le "
                        + "corps, clé = identifiant de l'agrégat (ce_subject). Une évolution incompatible des données "
                        + "est une nouvelle version du type (suffixe .vN), publiée à côté de l'ancienne. Schéma JSON "
                        + "de chaque version : ce_dataschema."));
        document.put("defaultContentType", "application/json");
        document.put("servers", carte("kafka", carte(
                "host", kafka,
                "protocol", "kafka",
                "description", "Brokers Kafka de la centrale.")));

        Map<String, Object> canaux = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            List<TypeEvenement<?>> types = Evenements.TOUS.stream().filter(t -> t.topic() == topic).toList();
            Map<String, Object> messagesDuCanal = new LinkedHashMap<>();
            List<Object> messagesEnvoyes = new ArrayList<>();
            for (TypeEvenement<?> type : types) {
                String id = idMessage(type);
                messagesDuCanal.put(id, reference("#/components/messages/" + id));
                messagesEnvoyes.add(reference("#/channels/" + topic.famille() + "/messages/" + id));
                messages.put(id, message(type, urlPublique));
                schemas.put(id, schemaDuPayload(type));
            }
            canaux.put(topic.famille(), carte(
                    "address", topic.nom(),
                    "title", topic.nom(),
                    "description", "Événements de " + producteur(topic) + " (" + Topic.PARTITIONS
                            + " partitions ; l'ordre est garanti par clé).",
                    "servers", List.of(reference("#/servers/kafka")),
                    "messages", messagesDuCanal));
            operations.put(producteur(topic) + ".publier", carte(
                    "action", "send",
                    "title", producteur(topic) + " publie sur " + topic.nom(),
                    "channel", reference("#/channels/" + topic.famille()),
                    "messages", messagesEnvoyes));
        }
        document.put("channels", canaux);
        document.put("operations", operations);
        document.put("components", carte("messages", messages, "schemas", schemas));
        return document;
    }

    /** The key of an event type's message and schema in the AsyncAPI document: {@code <Nom>.v<version>}. */
    public static String idMessage(TypeEvenement<?> type) {
        return type.nom() + ".v" + type.version();
    }

    private static String producteur(Topic topic) {
        return topic.famille() + "-service";
    }

    private static Map<String, Object> message(TypeEvenement<?> type, String urlPublique) {
        Map<String, Object> entetes = new LinkedHashMap<>();
        entetes.put("ce_id", carte("type", "string", "description", "Identifiant unique de l'événement (UUID)."));
        entetes.put("ce_source", carte("type", "string", "const", type.topic().source()));
        entetes.put("ce_type", carte("type", "string", "const", type.ceType()));
        entetes.put("ce_specversion", carte("type", "string", "const", "1.0"));
        entetes.put("ce_time", carte("type", "string", "format", "date-time",
                "description", "Instant où le fait s'est produit (RFC 3339)."));
        entetes.put("ce_subject", carte("type", "string",
                "description", "Identifiant de l'agrégat, aussi clé du message."));
        entetes.put("ce_dataschema", carte("type", "string", "format", "uri",
                "const", type.dataSchema(urlPublique)));
        entetes.put("ce_correlationid", carte("type", "string",
                "description", "Identifiant de corrélation de la requête à l'origine de l'événement, s'il y en a une."));
        entetes.put("content-type", carte("type", "string", "const", "application/json"));
        return carte(
                "name", type.ceType(),
                "title", type.nom() + " v" + type.version(),
                "contentType", "application/json",
                "headers", carte("type", "object", "properties", entetes, "required", List.of("ce_id", "ce_source",
                        "ce_type", "ce_specversion", "ce_time", "ce_subject", "ce_dataschema", "content-type")),
                "payload", reference("#/components/schemas/" + idMessage(type)),
                "correlationId", carte("location", "$message.header#/ce_correlationid"),
                "bindings", carte("kafka", carte(
                        "key", carte("type", "string", "description", "Identifiant de l'agrégat (ce_subject)."),
                        "bindingVersion", "0.5.0")),
                "externalDocs", carte("description", "Schéma JSON des données", "url",
                        type.dataSchema(urlPublique)));
    }

    private static Map<String, Object> objet(Class<?> record, Set<Class<?>> enCours) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record: payloads are records");
        }
        if (!enCours.add(record)) {
            throw new IllegalArgumentException(record.getName() + " contains itself: not supported");
        }
        Map<String, Object> proprietes = new LinkedHashMap<>();
        List<String> requises = new ArrayList<>();
        for (RecordComponent composant : record.getRecordComponents()) {
            Map<String, Object> schema = schemaDe(composant.getGenericType(), enCours, composant);
            if (composant.isAnnotationPresent(Facultatif.class)) {
                if (composant.getType().isPrimitive()) {
                    throw new IllegalArgumentException(nom(composant) + " is primitive, hence never null: it cannot "
                            + "be @Facultatif (use its wrapper type)");
                }
                schema = nullable(schema);
            } else {
                requises.add(composant.getName());
            }
            proprietes.put(composant.getName(), schema);
        }
        enCours.remove(record);
        Map<String, Object> objet = new LinkedHashMap<>();
        objet.put("title", record.getSimpleName());
        objet.put("type", "object");
        objet.put("properties", proprietes);
        objet.put("required", requises);
        return objet;
    }

    private static Map<String, Object> schemaDe(Type type, Set<Class<?>> enCours, RecordComponent composant) {
        if (type instanceof ParameterizedType parametre && parametre.getRawType() instanceof Class<?> brut
                && Collection.class.isAssignableFrom(brut)) {
            Map<String, Object> tableau = new LinkedHashMap<>();
            tableau.put("type", "array");
            tableau.put("items", schemaDe(parametre.getActualTypeArguments()[0], enCours, composant));
            if (Set.class.isAssignableFrom(brut)) {
                tableau.put("uniqueItems", true);
            }
            return tableau;
        }
        if (!(type instanceof Class<?> classe) || classe.isArray() || Collection.class.isAssignableFrom(classe)
                || Map.class.isAssignableFrom(classe)) {
            throw nonPrisEnCharge(type, composant);
        }
        if (classe == String.class || classe == UUID.class) {
            return carte("type", "string");
        }
        if (classe == int.class || classe == Integer.class || classe == long.class || classe == Long.class
                || classe == short.class || classe == Short.class || classe == BigInteger.class) {
            return carte("type", "integer");
        }
        if (classe == BigDecimal.class || classe == double.class || classe == Double.class || classe == float.class
                || classe == Float.class) {
            return carte("type", "number");
        }
        if (classe == boolean.class || classe == Boolean.class) {
            return carte("type", "boolean");
        }
        if (classe == LocalDate.class) {
            return carte("type", "string", "format", "date");
        }
        if (classe == Instant.class || classe == OffsetDateTime.class || classe == ZonedDateTime.class) {
            return carte("type", "string", "format", "date-time");
        }
        if (classe.isEnum()) {
            return carte("type", "string", "enum",
                    Arrays.stream(classe.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (classe.isRecord()) {
            return objet(classe, enCours);
        }
        throw nonPrisEnCharge(type, composant);
    }

    /** The same value, or null: {@code type} gains {@code "null"} (and {@code enum} the null value). */
    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> copie = new LinkedHashMap<>(schema);
        copie.put("type", List.of(schema.get("type"), "null"));
        if (schema.get("enum") instanceof List<?> valeurs) {
            List<Object> avecNull = new ArrayList<>(valeurs);
            avecNull.add(null);
            copie.put("enum", avecNull);
        }
        return copie;
    }

    private static IllegalArgumentException nonPrisEnCharge(Type type, RecordComponent composant) {
        return new IllegalArgumentException("No JSON schema for " + type.getTypeName() + " (" + nom(composant)
                + "): use a record, a list, a text, a number, a boolean, an enum, LocalDate or Instant, or teach "
                + "GenerateurSchemas how Jackson writes it");
    }

    private static String nom(RecordComponent composant) {
        return composant.getDeclaringRecord().getSimpleName() + "." + composant.getName();
    }

    private static Map<String, Object> reference(String cible) {
        return carte("$ref", cible);
    }

    /** An ordered map from alternating keys and values: the documents keep the order they are written in. */
    private static Map<String, Object> carte(Object... clesEtValeurs) {
        Map<String, Object> carte = new LinkedHashMap<>();
        for (int i = 0; i < clesEtValeurs.length; i += 2) {
            carte.put((String) clesEtValeurs[i], clesEtValeurs[i + 1]);
        }
        return carte;
    }
}
