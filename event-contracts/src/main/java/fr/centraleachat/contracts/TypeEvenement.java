package fr.centraleachat.contracts;

import java.util.Objects;

/**
 * An integration event type: its name (past tense, French), its contract version, its topic and the Java record
 * of its payload. The CloudEvents {@code type} is {@code fr.centraleachat.<famille>.<Nom>.v<version>}.
 */
public record TypeEvenement<T>(String nom, int version, Topic topic, Class<T> payload) {

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

    /** The {@code dataschema} URI: the JSON schema of the payload shipped with this module. */
    public String dataSchema() {
        return "urn:centrale-achat:schema:" + nom + ":v" + version;
    }
}
