package fr.centraleachat.contrat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContratTest {

    static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/x/choses":{"post":{"operationId":"creer","requestBody":{"content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/Chose"}}}}},"get":{"operationId":"lister"}},
              "/api/x/choses/{id}/publication":{"post":{"operationId":"publier",
                "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}]}},
              "/api/x/calcul":{"get":{"operationId":"calculer",
                "parameters":[{"name":"valeur","in":"query","required":true,"schema":{"type":"number"}}]}}},
             "components":{"schemas":{
              "Chose":{"type":"object","required":["nom","nature","lots","date"],"properties":{
                "nom":{"type":"string","minLength":2},"nature":{"type":"string","enum":["FOURNITURES","SERVICES"]},
                "date":{"type":"string","format":"date"},"note":{"type":"string"},
                "lots":{"type":"array","items":{"$ref":"#/components/schemas/Lot"}}}},
              "Lot":{"type":"object","required":["numero"],"properties":{"numero":{"type":"integer","minimum":1},
                "montant":{"type":["number","null"]}}}}}}
            """;

    @Test
    void discoversOperationsWithResolvedBodySchemas() {
        DocumentOpenApi document = DocumentOpenApi.depuis(DOCUMENT);

        assertThat(document.operations()).extracting(OperationApi::cle).containsExactly(
                "GET /api/x/calcul", "GET /api/x/choses", "POST /api/x/choses", "POST /api/x/choses/{id}/publication");
        assertThat(document.ecritures()).extracting(OperationApi::cle)
                .containsExactly("POST /api/x/choses", "POST /api/x/choses/{id}/publication");
        OperationApi creer = document.ecritures().get(0);
        assertThat(creer.schemaCorps()).hasValueSatisfying(s -> assertThat(
                s.get("properties").get("lots").get("items").get("properties").has("numero")).isTrue());
        assertThat(document.ecritures().get(1).prendUnCorps()).isFalse();
    }

    @Test
    void derivesAValidSampleFromRequiredFieldsFormatsEnumsAndHints() {
        JsonNode schema = DocumentOpenApi.depuis(DOCUMENT).ecritures().get(0).schemaCorps().orElseThrow();

        JsonNode exemple = new ExemplesDeSchema().indice("montant", 1500).exemple(schema);

        assertThat(exemple.get("nature").asString()).isEqualTo("FOURNITURES");
        assertThat(exemple.get("nom").asString()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(exemple.get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(exemple.get("lots").get(0).get("numero").asInt()).isEqualTo(1);
        assertThat(exemple.get("lots").get(0).get("montant").asInt()).isEqualTo(1500);
        assertThat(exemple.has("note")).isFalse();
    }

    @Test
    void mutatesOneFieldAtATimeAndKeepsHugeNumbersAsWritten() {
        JsonNode schema = DocumentOpenApi.depuis(DOCUMENT).ecritures().get(0).schemaCorps().orElseThrow();
        JsonNode exemple = new ExemplesDeSchema().exemple(schema);

        List<CorpusHostile.Cas> corpus = CorpusHostile.pourCorps(exemple, schema);

        assertThat(corpus).extracting(CorpusHostile.Cas::nom).contains("malformed: truncated", "unknown field",
                "lots[0].numero: huge exponent 1e999999999", "nature: unknown enum value",
                "date: extreme date -999999999-01-01", "note: bidi override U+202E", "nom: missing",
                "lots[0].montant: huge exponent 1e100000");
        String exposant = texte(corpus, "lots[0].numero: huge exponent 1e999999999");
        assertThat(exposant).contains("\"numero\":1e999999999").contains("\"nature\":\"FOURNITURES\"");
        assertThat(texte(corpus, "nom: missing")).doesNotContain("\"nom\"");
        assertThat(texte(corpus, "note: bidi override U+202E")).contains("\u202E");
        assertThat(corpus.stream().filter(c -> c.nom().startsWith("oversized")).mapToInt(c -> c.corps().length).min()
                .orElseThrow()).isGreaterThan(1024 * 1024);
    }

    @Test
    void readsTheExpectedStatusTableAndFindsTheFirstAllowedPrincipal() {
        TableAttendue table = TableAttendue.depuis("""
                # comment
                operation;anonyme;AGENT;ACHETEUR
                POST /api/x/choses;401;403;201
                GET /api/x/choses;401;200|404;granted
                """);
        OperationApi creer = DocumentOpenApi.depuis(DOCUMENT).ecritures().get(0);

        assertThat(table.principaux()).containsExactly("anonyme", "AGENT", "ACHETEUR");
        assertThat(table.premierAutorise(creer, List.of("AGENT", "ACHETEUR"))).hasValue("ACHETEUR");
        assertThat(table.attendu(creer, "AGENT").orElseThrow().refuseTout()).isTrue();
        StatutAttendu accorde = StatutAttendu.de("granted");
        assertThat(accorde.accepte(409)).isTrue();
        assertThat(accorde.accepte(403)).isFalse();
        assertThat(accorde.accepte(500)).isFalse();
        assertThat(StatutAttendu.de("200|404").accepte(404)).isTrue();
        assertThatThrownBy(() -> TableAttendue.depuis("operation;a\nGET /x;ok")).hasMessageContaining("ok");
    }

    @Test
    void forgesUnsignedTokens() {
        String jeton = JetonsForges.algNone("http://localhost:9000", "centrale-api", List.of("ADMIN"));

        assertThat(jeton).endsWith(".");
        String entete = new String(java.util.Base64.getUrlDecoder().decode(jeton.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(entete).contains("\"alg\":\"none\"");
        assertThat(JetonsForges.signeParUneAutreCle("i", "a", "k", List.of("ADMIN")).split("\\.")).hasSize(3);
    }

    private static String texte(List<CorpusHostile.Cas> corpus, String nom) {
        return new String(corpus.stream().filter(c -> c.nom().equals(nom)).findFirst().orElseThrow().corps(),
                StandardCharsets.UTF_8);
    }
}
