package fr.centraleachat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the services write for each event is what its published schema describes, formats included. */
class PayloadsConformesAuxSchemasTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @TestFactory
    Stream<DynamicTest> everyPayloadAsWrittenValidatesAgainstItsSchemaWithOrWithoutItsOptionalFields() {
        return Evenements.TOUS.stream().map(type -> DynamicTest.dynamicTest(type.fichierSchema(), () -> {
            Schema schema = schema(type);
            JsonNode complet = Exemples.JSON.valueToTree(Exemples.complet(type.payload()));
            JsonNode sansFacultatifs = Exemples.JSON.valueToTree(Exemples.sansFacultatifs(type.payload()));
            assertThat(erreurs(schema, complet)).as(complet.toString()).isEmpty();
            assertThat(erreurs(schema, sansFacultatifs)).as(sansFacultatifs.toString()).isEmpty();
        }));
    }

    @Test
    void aMissingRequiredFieldOrAWronglyWrittenValueIsRefused() {
        Schema schema = schema(Evenements.MARCHE_NOTIFIE);
        ObjectNode marche = Exemples.JSON.valueToTree(Exemples.complet(Evenements.MARCHE_NOTIFIE.payload()));

        assertThat(erreurs(schema, marche.deepCopy().without("numero"))).isNotEmpty();
        assertThat(erreurs(schema, marche.deepCopy().putNull("titulaireSiret"))).isNotEmpty();
        assertThat(erreurs(schema, marche.deepCopy().put("dateDebut", "15/01/2027"))).isNotEmpty();
        assertThat(erreurs(schema, marche.deepCopy().put("dateNotification", "2027-01-15T12:00:00"))).isNotEmpty();
        assertThat(erreurs(schema, marche.deepCopy().put("montantHt", "95000.50"))).isNotEmpty();
        // A consumer's old events lack the fields added within v1; they stay valid.
        assertThat(erreurs(schema, marche.deepCopy().without(List.of("groupementId", "acheteurSiren")))).isEmpty();
    }

    private static Schema schema(TypeEvenement<?> type) {
        return SCHEMAS.getSchema(Exemples.JSON.writeValueAsString(GenerateurSchemas.schema(type,
                "https://centrale.example")));
    }

    private static List<Error> erreurs(Schema schema, JsonNode json) {
        return schema.validate(json, contexte -> contexte.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }
}
