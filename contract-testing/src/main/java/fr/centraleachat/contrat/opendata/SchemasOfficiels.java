package fr.centraleachat.contrat.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official schemas, kept under contract-testing's resources (schemas/) with their licences, for the services' tests and the system test: DECP v2.0.3 (draft-07) and
 * OCDS 1.1.5 (draft-04), whose references to the standard's site are mapped to the local copies (no network).
 */
public final class SchemasOfficiels {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OCDS_EN_LIGNE = "https://standard.open-contracting.org/schema/1__1__5/";

    private static final Schema DECP = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(SchemaLocation.of("classpath:schemas/decp/schema_decp_v2.0.3.json"));
    private static final java.util.Set<String> LOCAUX = java.util.Set.of("release-package-schema.json",
            "record-package-schema.json", "release-schema.json");
    private static final SchemaRegistry OCDS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            registre -> registre
                    // Not among the schemas shipped here: the records carry no versionedRelease, which it would check.
                    .schemas(java.util.Map.of(OCDS_EN_LIGNE + "versioned-release-validation-schema.json", "{}"))
                    .schemaIdResolvers(r -> r.mappings(iri -> iri.startsWith(OCDS_EN_LIGNE) && LOCAUX.contains(
                            iri.substring(OCDS_EN_LIGNE.length())), iri -> "classpath:schemas/ocds/"
                                    + iri.substring(OCDS_EN_LIGNE.length()))));
    private static final Schema PAQUET_DE_RELEASES = OCDS.getSchema(SchemaLocation.of(OCDS_EN_LIGNE
            + "release-package-schema.json"));
    private static final Schema PAQUET_DE_RECORDS = OCDS.getSchema(SchemaLocation.of(OCDS_EN_LIGNE
            + "record-package-schema.json"));

    private SchemasOfficiels() {
    }

    /** The schema's complaints about a DECP file (empty when valid). */
    public static List<String> erreursDecp(Object fichier) {
        return erreurs(DECP, fichier);
    }

    public static List<String> erreursPaquetDeReleases(Object paquet) {
        return erreurs(PAQUET_DE_RELEASES, paquet);
    }

    public static List<String> erreursPaquetDeRecords(Object paquet) {
        return erreurs(PAQUET_DE_RECORDS, paquet);
    }

    private static List<String> erreurs(Schema schema, Object document) {
        JsonNode json = document instanceof JsonNode noeud ? noeud : JSON.valueToTree(document);
        return schema.validate(json, contexte -> contexte.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }
}
