package fr.centraleachat.contracts;

import java.util.Objects;

/**
 * An integration event type: its name (past tense, French), its contract version, its topic and the Java record
 * of its payload. The CloudEvents {@code type} is {@code fr.centraleachat.<famille>.<Nom>.v<version>}.
 */
public record TypeEvenement<T>(String nom, int version, Topic topic, Class<T> payload) {

    /** Where the gateway serves the events' JSON schemas, next to the AsyncAPI document ({@code /asyncapi.json}). */
    public static final String CHEMIN_SCHEMAS = "/asyncapi/schemas/";

    public TypeEvenement {
        Objects.requireNonNull(nom);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payload);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    public String ceType() {
        return "fr.centraleachat." + topic.famille() + "." + nom + ".v" + version;
    }

    /** The file name of the payload's JSON schema: {@code <Nom>.v<version>.json}. */
    public String fichierSchema() {
        return nom + ".v" + version + ".json";
    }

    /**
     * Where the gateway serves the payload's JSON schema, relative to the centrale's public address:
     * {@code /asyncapi/schemas/<Nom>.v<version>.json}.
     */
    public String dataSchema() {
        return CHEMIN_SCHEMAS + fichierSchema();
    }

    /**
     * The CloudEvents {@code dataschema}: an absolute URI (the specification's type), the schema's address under the
     * centrale's public address ({@code CENTRALE_URL_PUBLIQUE}, e.g. {@code https://centrale.example/asyncapi/schemas/
     * AdhesionActivee.v1.json}). A base with a path keeps it.
     */
    public String dataSchema(String urlPublique) {
        Objects.requireNonNull(urlPublique);
        String base = urlPublique.endsWith("/") ? urlPublique.substring(0, urlPublique.length() - 1) : urlPublique;
        return base + dataSchema();
    }
}
