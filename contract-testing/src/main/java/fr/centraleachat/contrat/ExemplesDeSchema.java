package fr.centraleachat.contrat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives a valid JSON sample from a schema: required properties, formats, enumerations and minimums. Values the
 * schema cannot tell (a SIREN with its check digit, a CPV code, a DLRO far enough away) come from the service's
 * hints, by property name; an optional property is filled only when a hint names it.
 */
public final class ExemplesDeSchema {

    private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Supplier<Object>> indices = new HashMap<>();

    public ExemplesDeSchema indice(String propriete, Supplier<Object> valeur) {
        indices.put(propriete, valeur);
        return this;
    }

    public ExemplesDeSchema indice(String propriete, Object valeur) {
        return indice(propriete, () -> valeur);
    }

    public ExemplesDeSchema indices(Map<String, Supplier<Object>> tous) {
        indices.putAll(tous);
        return this;
    }

    public boolean aUnIndice(String propriete) {
        return indices.containsKey(propriete);
    }

    public JsonNode indice(String propriete) {
        return json.valueToTree(indices.get(propriete).get());
    }

    public JsonNode exemple(JsonNode schema) {
        return exemple(null, schema);
    }

    private JsonNode exemple(String propriete, JsonNode schema) {
        if (propriete != null && indices.containsKey(propriete)) {
            return indice(propriete);
        }
        if (schema == null || schema.isEmpty()) {
            return NOEUDS.stringNode("exemple");
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            return schema.get("example");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return exemple(propriete, (schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")).get(0));
        }
        return switch (type(schema)) {
            case "object" -> objet(schema);
            case "array" -> {
                ArrayNode liste = NOEUDS.arrayNode();
                int combien = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < combien; i++) {
                    liste.add(exemple(propriete + "[]", schema.get("items")));
                }
                yield liste;
            }
            case "integer" -> NOEUDS.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NOEUDS.numberNode(schema.has("minimum")
                    ? schema.get("minimum").decimalValue().max(java.math.BigDecimal.ONE) : java.math.BigDecimal.valueOf(1000));
            case "boolean" -> NOEUDS.booleanNode(true);
            default -> chaine(schema);
        };
    }

    private JsonNode objet(JsonNode schema) {
        ObjectNode objet = NOEUDS.objectNode();
        Set<String> requis = new HashSet<>();
        schema.path("required").forEach(r -> requis.add(r.asString()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (estEnLectureSeule(p.getValue())) {
                continue;
            }
            if (requis.contains(p.getKey()) || indices.containsKey(p.getKey())) {
                objet.set(p.getKey(), exemple(p.getKey(), p.getValue()));
            }
        }
        return objet;
    }

    private static JsonNode chaine(JsonNode schema) {
        String format = schema.path("format").asString("");
        String valeur = switch (format) {
            case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
            case "date-time" -> OffsetDateTime.now(ZoneOffset.UTC).plusDays(90).truncatedTo(ChronoUnit.SECONDS).toString();
            case "uuid" -> UUID.randomUUID().toString();
            case "email" -> "contact@exemple.fr";
            case "uri", "url" -> "https://exemple.fr/";
            default -> "Exemple";
        };
        int minimum = schema.path("minLength").asInt(0);
        StringBuilder texte = new StringBuilder(valeur);
        while (texte.length() < minimum) {
            texte.append('x');
        }
        return NOEUDS.stringNode(texte.toString());
    }

    static boolean estEnLectureSeule(JsonNode schema) {
        return schema != null && schema.path("readOnly").asBoolean(false);
    }

    /** The JSON type a schema declares ("string" when it declares none); OpenAPI 3.1 type lists are read too. */
    public static String type(JsonNode schema) {
        if (schema == null) {
            return "string";
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (Iterator<JsonNode> it = type.iterator(); it.hasNext();) {
                String t = it.next().asString();
                if (!t.equals("null")) {
                    return t;
                }
            }
        }
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }
}
