package fr.centraleachat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatibiliteTest {

    private static final Map<String, Object> PUBLIE = objet(Map.of(
            "numero", Map.of("type", "string"),
            "montant", Map.of("type", "number"),
            "note", Map.of("type", List.of("string", "null")),
            "lignes", Map.of("type", "array", "items", objet(Map.of("reference", Map.of("type", "string")),
                    List.of("reference")))), List.of("numero", "montant", "lignes"));

    @Test
    void anAddedOptionalPropertyOrAReworkedDescriptionIsCompatible() {
        Map<String, Object> genere = copie(PUBLIE);
        proprietes(genere).put("ajout", Map.of("type", List.of("string", "null")));
        genere.put("description", "Autre texte");

        assertThat(Compatibilite.incompatibilites(PUBLIE, genere)).isEmpty();
        assertThat(Compatibilite.identiques(PUBLIE, genere)).isFalse();
        assertThat(Compatibilite.identiques(PUBLIE, copie(PUBLIE))).isTrue();
    }

    @Test
    void removedRetypedNewlyRequiredOrNewlyNullablePropertiesAreIncompatible() {
        Map<String, Object> genere = copie(PUBLIE);
        proprietes(genere).remove("numero");
        proprietes(genere).put("montant", Map.of("type", "string"));
        proprietes(genere).put("obligatoire", Map.of("type", "string"));
        genere.put("required", List.of("montant", "lignes", "obligatoire", "note"));

        assertThat(Compatibilite.incompatibilites(PUBLIE, genere)).containsExactlyInAnyOrder(
                "numero: property removed or renamed",
                "montant: type [number] became [string]",
                "note: optional property became required",
                "obligatoire: new required property");
    }

    @Test
    void aChangeInsideAListItemOrAFieldThatMayNowBeNullIsIncompatible() {
        Map<String, Object> genere = copie(PUBLIE);
        proprietes(genere).put("lignes", Map.of("type", "array", "items", objet(Map.of(
                "reference", Map.of("type", List.of("string", "null"))), List.of())));

        assertThat(Compatibilite.incompatibilites(PUBLIE, genere)).containsExactlyInAnyOrder(
                "lignes[].reference: required property became optional",
                "lignes[].reference: type [string] became [string, null] (may now be null)");
    }

    private static Map<String, Object> objet(Map<String, Object> proprietes, List<String> requises) {
        Map<String, Object> objet = new LinkedHashMap<>();
        objet.put("type", "object");
        objet.put("properties", new LinkedHashMap<>(proprietes));
        objet.put("required", requises);
        return objet;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copie(Map<String, Object> schema) {
        Map<String, Object> copie = new LinkedHashMap<>(schema);
        copie.put("properties", new LinkedHashMap<>((Map<String, Object>) schema.get("properties")));
        return copie;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> proprietes(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}
