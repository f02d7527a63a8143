package fr.centraleachat.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas once published ({@code src/test/resources/schemas-publies/<Nom>.v<n>.json}) are a contract: every event
 * type has one, and the schema generated from its record may only change compatibly (see {@link Compatibilite}).
 *
 * <p>A new event type, or a compatible change (a new {@code @Facultatif} field, a reworded description): publish it
 * with {@code ./mvnw -o test -pl event-contracts -Dschemas.rafraichir=true} and commit the files. An incompatible
 * change is never written over a published schema: publish a new version of the event instead.
 */
class SchemasPubliesTest {

    static final String RAFRAICHIR = "schemas.rafraichir";

    private static final Path PUBLIES = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/schemas-publies");

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final String COMMANDE = "./mvnw -o test -pl event-contracts -D" + RAFRAICHIR + "=true";

    @TestFactory
    Stream<DynamicTest> everyEventTypeHasAPublishedSchemaThatItsRecordStillMatches() {
        return Evenements.TOUS.stream().map(type -> DynamicTest.dynamicTest(type.fichierSchema(),
                () -> verifier(type)));
    }

    @Test
    void everyPublishedSchemaStillHasItsEventType() throws IOException {
        Set<String> attendus = Evenements.TOUS.stream().map(TypeEvenement::fichierSchema).collect(Collectors.toSet());
        try (Stream<Path> fichiers = Files.list(PUBLIES)) {
            List<String> orphelins = fichiers.map(f -> f.getFileName().toString())
                    .filter(nom -> !attendus.contains(nom)).sorted().toList();
            assertThat(orphelins)
                    .as("published schemas whose event type is gone from Evenements: a published version is kept "
                            + "until its consumers have moved; delete the file only when it is deliberately retired")
                    .isEmpty();
        }
    }

    private static void verifier(TypeEvenement<?> type) throws IOException {
        Path fichier = PUBLIES.resolve(type.fichierSchema());
        Map<String, Object> genere = reference(type);
        boolean rafraichir = Boolean.getBoolean(RAFRAICHIR);
        if (!Files.exists(fichier)) {
            if (rafraichir) {
                ecrire(fichier, genere);
                return;
            }
            fail("%s (%s) has no published schema %s: publish it with %s and commit the file", type.nom(),
                    type.ceType(), fichier, COMMANDE);
        }
        Map<String, Object> publie = JSON.readValue(fichier.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        List<String> incompatibilites = Compatibilite.incompatibilites(publie, genere);
        if (!incompatibilites.isEmpty()) {
            fail("%s changed incompatibly since its schema was published (%s):%n  %s%nConsumers of %s would break. "
                    + "Keep %s as published and add version %d alongside it (a new record %sV%d and "
                    + "TypeEvenement(\"%s\", %d, ...) in Evenements), then publish its schema with %s.",
                    type.payload().getSimpleName(), fichier, String.join(System.lineSeparator() + "  ",
                            incompatibilites), type.ceType(), type.ceType(), type.version() + 1, type.nom(),
                    type.version() + 1, type.nom(), type.version() + 1, COMMANDE);
        }
        if (!Compatibilite.identiques(publie, genere)) {
            if (rafraichir) {
                ecrire(fichier, genere);
                return;
            }
            fail("%s changed compatibly since its schema was published (%s): refresh the published schema with %s "
                    + "and commit it", type.payload().getSimpleName(), fichier, COMMANDE);
        }
    }

    /** What is kept of a published schema: all but its {@code $id}, which depends on the deployment's address. */
    static Map<String, Object> reference(TypeEvenement<?> type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", GenerateurSchemas.DIALECTE);
        schema.putAll(GenerateurSchemas.schemaDuPayload(type));
        // Through JSON and back: compared as read from a file (lists of texts, maps in written order).
        return JSON.readValue(JSON.writeValueAsString(schema), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static void ecrire(Path fichier, Map<String, Object> schema) throws IOException {
        Files.createDirectories(fichier.getParent());
        Files.writeString(fichier, JSON.writeValueAsString(schema) + "\n");
    }
}
