package fr.centraleachat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.Facultatif;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.contracts.TypeEvenement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateurSchemasTest {

    private static final String URL = "https://centrale.example";

    record AvecPrimitifFacultatif(@Facultatif int nombre) {
    }

    record AvecDictionnaire(Map<String, String> valeurs) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPayloadSchemaRequiresEveryFieldButTheOptionalOnesWhichMayBeNull() {
        Map<String, Object> schema = GenerateurSchemas.schema(Evenements.MARCHE_NOTIFIE, URL);

        assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
                .containsEntry("$id", URL + "/asyncapi/schemas/MarcheNotifie.v1.json")
                .containsEntry("type", "object");
        assertThat((List<Object>) schema.get("required")).contains("numero", "lot", "montantHt", "prixUnitaires")
                .doesNotContain("groupementId", "acheteurSiren", "montantMaximumHt", "titulaireRaisonSociale");
        assertThat(propriete(schema, "groupementId")).containsEntry("type", List.of("string", "null"));
        assertThat(propriete(schema, "numero")).containsEntry("type", "string");
    }

    @Test
    void datesAmountsListsAndNestedRecordsAreDescribedAsJacksonWritesThem() {
        Map<String, Object> schema = GenerateurSchemas.schema(Evenements.MARCHE_NOTIFIE, URL);

        assertThat(propriete(schema, "dateDebut")).containsEntry("type", "string").containsEntry("format", "date");
        assertThat(propriete(schema, "dateNotification")).containsEntry("format", "date-time");
        assertThat(propriete(schema, "montantHt")).containsEntry("type", "number");
        assertThat(propriete(schema, "lot")).containsEntry("type", "integer");
        assertThat(propriete(schema, "beneficiaires")).containsEntry("type", "array")
                .containsEntry("items", Map.of("type", "string"));
        Map<String, Object> prix = propriete(propriete(schema, "prixUnitaires"), "items");
        assertThat(prix).containsEntry("type", "object").containsEntry("required",
                List.of("reference", "prixUnitaireHt"));

        Map<String, Object> groupement = propriete(GenerateurSchemas.schema(Evenements.GROUPEMENT_CREE, URL),
                "groupement");
        assertThat(propriete(groupement, "sequence")).containsEntry("type", "integer");
        assertThat(propriete(groupement, "dateConstitution")).containsEntry("type", List.of("string", "null"))
                .containsEntry("format", "date");
    }

    @Test
    void aFieldTheGeneratorCannotDescribeStopsIt() {
        TypeEvenement<AvecPrimitifFacultatif> primitif = new TypeEvenement<>("Essai", 1, Topic.MARCHE,
                AvecPrimitifFacultatif.class);
        TypeEvenement<AvecDictionnaire> dictionnaire = new TypeEvenement<>("Essai", 1, Topic.MARCHE,
                AvecDictionnaire.class);

        assertThatThrownBy(() -> GenerateurSchemas.schemaDuPayload(primitif))
                .hasMessageContaining("AvecPrimitifFacultatif.nombre is primitive");
        assertThatThrownBy(() -> GenerateurSchemas.schemaDuPayload(dictionnaire))
                .hasMessageContaining("AvecDictionnaire.valeurs");
    }

    @Test
    void theAsyncApiDocumentHasAChannelPerTopicAndAMessagePerEventTypeWithItsCloudEventsHeaders() {
        Map<String, Object> document = GenerateurSchemas.asyncApi(URL, "kafka.centrale.example:9092");

        assertThat(document).containsEntry("asyncapi", "3.0.0");
        assertThat(propriete(document, "channels")).containsOnlyKeys("adhesion", "marche", "catalogue");
        assertThat(propriete(propriete(document, "channels"), "marche")).containsEntry("address", "centrale.marche.v1");
        assertThat(propriete(propriete(document, "servers"), "kafka"))
                .containsEntry("host", "kafka.centrale.example:9092").containsEntry("protocol", "kafka");
        Map<String, Object> operation = propriete(propriete(document, "operations"), "catalogue-service.publier");
        assertThat(operation).containsEntry("action", "send")
                .containsEntry("channel", Map.of("$ref", "#/channels/catalogue"));
        assertThat((List<?>) operation.get("messages")).hasSize((int) Evenements.TOUS.stream()
                .filter(t -> t.topic() == Topic.CATALOGUE).count());

        Map<String, Object> messages = propriete(propriete(document, "components"), "messages");
        Map<String, Object> schemas = propriete(propriete(document, "components"), "schemas");
        assertThat(messages).hasSameSizeAs(Evenements.TOUS);
        for (TypeEvenement<?> type : Evenements.TOUS) {
            String id = type.nom() + ".v" + type.version();
            Map<String, Object> message = propriete(messages, id);
            Map<String, Object> entetes = propriete(propriete(message, "headers"), "properties");
            assertThat(propriete(entetes, "ce_type")).containsEntry("const", type.ceType());
            assertThat(propriete(entetes, "ce_dataschema")).containsEntry("const", type.dataSchema(URL));
            assertThat(propriete(entetes, "ce_source")).containsEntry("const", type.topic().source());
            assertThat(message).containsEntry("payload", Map.of("$ref", "#/components/schemas/" + id));
            assertThat(schemas).containsEntry(id, GenerateurSchemas.schemaDuPayload(type));
        }
    }

    @Test
    void theDataSchemaIsTheSchemaAddressUnderThePublicAddress() {
        assertThat(Evenements.ADHESION_ACTIVEE.dataSchema()).isEqualTo("/asyncapi/schemas/AdhesionActivee.v1.json");
        assertThat(Evenements.ADHESION_ACTIVEE.dataSchema("https://centrale.example/"))
                .isEqualTo("https://centrale.example/asyncapi/schemas/AdhesionActivee.v1.json");
        assertThat(Evenements.ADHESION_ACTIVEE.dataSchema("https://example.org/centrale"))
                .isEqualTo("https://example.org/centrale/asyncapi/schemas/AdhesionActivee.v1.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> propriete(Map<String, Object> schema, String nom) {
        Object proprietes = schema.get("properties");
        Map<String, Object> dans = proprietes instanceof Map<?, ?> p && p.containsKey(nom)
                ? (Map<String, Object>) p : schema;
        assertThat(dans).containsKey(nom);
        return (Map<String, Object>) dans.get(nom);
    }
}
