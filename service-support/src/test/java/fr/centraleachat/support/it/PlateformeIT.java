package fr.centraleachat.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.support.outbox.OutboxRelay;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = ApplicationDeTest.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=support-it", "centrale.outbox.collections=adhesions",
            "centrale.url-publique=https://centrale.example", "centrale.limites.corps-max=64KB",
            "centrale.securite.lectures-publiques=/api/test/publiques/*"})
@Import(JetonsDeTest.Configuration.class)
class PlateformeIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "support-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void publishesStateChangeThroughOutboxAndConsumerAppliesItOnceWithCorrelationId() throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions", JetonsDeTest.acheteur(),
                "{\"nom\":\"Talant\",\"siren\":\"212106173\"}", "flux-talant-1");
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        String id = json.readTree(reponse.body()).get("id").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Document membre = mongo.findById("212106173", Document.class, "membres");
            assertThat(membre).isNotNull();
            assertThat(membre.getString("correlationId")).isEqualTo("flux-talant-1");
        });
        await().atMost(Duration.ofSeconds(5)).until(() ->
                mongo.findById(id, Document.class, "adhesions").getList("outbox", Document.class).isEmpty());

        // The same event delivered again (e.g. relay crash before removal) has no second effect.
        String evenementId = mongo.findById("212106173", Document.class, "membres")
                .getList("evenementsAppliques", String.class).get(0);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new org.springframework.data.mongodb.core.query.Update().push("outbox",
                        new Document("evenementId", evenementId).append("type", "fr.centraleachat.adhesion.AdhesionActivee.v1")
                                .append("topic", "centrale.adhesion.v1").append("source", "/centrale-achat/adhesion")
                                .append("sujet", id).append("date", new java.util.Date())
                                .append("donnees", "{\"adhesionId\":\"" + id + "\",\"siren\":\"212106173\",\"nomMembre\":\"Talant\"}")),
                "adhesions");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(id, Document.class, "adhesions").getList("outbox", Document.class).isEmpty());
        Thread.sleep(1000);
        assertThat(mongo.findById("212106173", Document.class, "membres").getInteger("activations")).isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndConsumptionContinues() throws Exception {
        String cle = UUID.randomUUID().toString();
        try (var producteur = new KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", InfrastructureDeTest.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producteur.send(new ProducerRecord<>("centrale.adhesion.v1", cle, "pas un CloudEvent".getBytes())).get();
        }
        post("/api/test/adhesions", JetonsDeTest.acheteur(), "{\"nom\":\"Daix\",\"siren\":\"212102313\"}", "apres-poison");

        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", InfrastructureDeTest.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-dlt-" + cle,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of("centrale.support-it.dlt"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(500))) {
                    if (cle.equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.findById("212102313", Document.class, "membres") != null);
    }

    @Test
    void rejectsMissingTokenWithFrenchProblemAndCorrelationId() throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions", null, "{}", "sans-jeton");
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(401);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(reponse.headers().firstValue("X-Correlation-Id")).contains("sans-jeton");
        assertThat(json.readTree(reponse.body()).get("title").asString()).isEqualTo("Authentification requise");
    }

    @Test
    void letsAnyoneReadTheDeclaredPublicPathsButStillChecksATokenSent() throws Exception {
        HttpResponse<String> anonyme = get("/api/test/publiques/a", null);
        assertThat(anonyme.statusCode()).as(anonyme.body()).isEqualTo(200);
        assertThat(json.readTree(anonyme.body()).get("qui").asString()).isEqualTo("anonyme");
        HttpResponse<String> connu = get("/api/test/publiques/a", JetonsDeTest.fournisseur());
        assertThat(json.readTree(connu.body()).get("qui").asString()).isEqualTo("fournisseur");

        assertThat(get("/api/test/publiques/a", JetonsDeTest.expire("x", List.of("ACHETEUR"))).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/test/publiques/a/privee", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/test/publiques/a", null, "{}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsTokenFromAnotherIssuerAndExpiredToken() throws Exception {
        assertThat(post("/api/test/adhesions", JetonsDeTest.autreEmetteur("x", List.of("ACHETEUR")), "{}", null).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/test/adhesions", JetonsDeTest.expire("x", List.of("ACHETEUR")), "{}", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void rejectsWrongRoleWith403Problem() throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions", JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                "{\"nom\":\"Talant\",\"siren\":\"212106173\"}", null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(403);
        assertThat(json.readTree(reponse.body()).get("title").asString()).isEqualTo("Accès refusé");
    }

    @Test
    void rejectsInvalidInputWithPerFieldFrenchMessages() throws Exception {
        String corps = post("/api/test/adhesions", JetonsDeTest.acheteur(),
                "{\"nom\":\"Talant\",\"siren\":\"212106174\"}", null).body();
        JsonNode sirenInvalide = json.readTree(corps);
        assertThat(sirenInvalide.has("erreurs")).as(corps).isTrue();
        assertThat(sirenInvalide.get("status").asInt()).isEqualTo(400);
        assertThat(sirenInvalide.get("erreurs").get(0).get("champ").asString()).isEqualTo("siren");
        assertThat(sirenInvalide.get("erreurs").get(0).get("message").asString()).contains("clé de contrôle");

        JsonNode nomManquant = json.readTree(post("/api/test/adhesions", JetonsDeTest.acheteur(),
                "{\"siren\":\"212106173\"}", null).body());
        assertThat(nomManquant.get("erreurs").get(0).get("champ").asString()).isEqualTo("nom");
        assertThat(nomManquant.get("erreurs").get(0).get("message").asString()).isEqualTo("Le nom est obligatoire.");

        HttpResponse<String> malforme = post("/api/test/adhesions", JetonsDeTest.acheteur(), "{\"nom\":", null);
        assertThat(malforme.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malforme.body()).get("detail").asString()).contains("JSON");
    }

    @Test
    void answersIllegalTransitionWith409() throws Exception {
        HttpResponse<String> reponse = post("/api/test/conflit", JetonsDeTest.acheteur(), "", null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(409);
        assertThat(json.readTree(reponse.body()).get("etatActuel").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void exposesReadinessWithMongoAndKafka() throws Exception {
        HttpResponse<String> reponse = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).header("Authorization", "Bearer " + JetonsDeTest.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        JsonNode sante = json.readTree(reponse.body());
        assertThat(sante.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(sante.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(relay.isRunning()).isTrue();
    }

    @Test
    void showsAnonymousCallersTheHealthStatusOnlyAndOperatorsTheMetrics() throws Exception {
        HttpResponse<String> sante = get("/actuator/health/readiness", null);
        assertThat(sante.statusCode()).isEqualTo(200);
        assertThat(json.readTree(sante.body()).get("status").asString()).isEqualTo("UP");
        assertThat(json.readTree(sante.body()).has("components")).isFalse();
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", JetonsDeTest.agent("212106173")).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", JetonsDeTest.admin()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", JetonsDeTest.client("supervision", "operations")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void rejectsTokenIssuedForAnotherAudience() throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions",
                JetonsDeTest.autreAudience("acheteur", List.of("ACHETEUR")), "{\"nom\":\"Dijon\"}", null);
        assertThat(reponse.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesBodyAboveTheLimitWith413Problem() throws Exception {
        String corps = "{\"nom\":\"" + "a".repeat(70 * 1024) + "\"}";
        HttpResponse<String> reponse = post("/api/test/adhesions", JetonsDeTest.acheteur(), corps, null);
        assertThat(reponse.statusCode()).isEqualTo(413);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(reponse.body()).get("title").asString()).isEqualTo("Requête trop volumineuse");
    }

    @Test
    void refusesCallerWithoutTheRoleBeforeReadingItsBody() throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions", JetonsDeTest.fournisseur(), "{\"oops\":", null);
        assertThat(reponse.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesBodyOnEndpointThatTakesNone() throws Exception {
        HttpResponse<String> reponse = post("/api/test/conflit", JetonsDeTest.acheteur(), "{\"oops\":", null);
        assertThat(reponse.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reponse.body()).get("detail").asString()).contains("ne prend pas de corps");
    }

    @Test
    void refusesUnknownPropertiesCoercionsAndOutOfRangeValuesPerField() throws Exception {
        assertChampRefuse("{\"nom\":\"Dijon\",\"oops\":1}", "oops", "Propriété inconnue");
        assertChampRefuse("{\"nom\":\"Dijon\",\"couleur\":0}", "couleur", "BLEU, ROUGE");
        assertChampRefuse("{\"nom\":\"Dijon\",\"couleur\":\" BLEU \"}", "couleur", "BLEU, ROUGE");
        assertChampRefuse("{\"nom\":12}", "nom", "type incorrect");
        assertChampRefuse("{\"nom\":\"Dijon\",\"nombre\":1.9}", "nombre", "type incorrect");
        assertChampRefuse("{\"nom\":\"Dijon\",\"nombre\":\"3\"}", "nombre", "type incorrect");
        assertChampRefuse("{\"nom\":\"Dijon\",\"date\":\"-999999999-01-01\"}", "date", "Date");
        assertChampRefuse("{\"nom\":\"Dijon\",\"date\":\"2027-02-30\"}", "date", "Date");
        assertChampRefuse("{\"nom\":\"Dij\u202Eon\"}", "nom", "U+202E");
        assertChampRefuse("{\"nom\":\"a\\u0000b\"}", "nom", "U+0000");
        assertChampRefuse("{\"nom\":\" \\t \"}", "nom", "obligatoire");
        assertThat(mongo.count(new Query(), "adhesions")).as("nothing created by refused requests")
                .isEqualTo(mongo.count(Query.query(Criteria.where("nom").exists(true)), "adhesions"));
    }

    @Test
    void refusesDeepNestingAndOverlongNumbersAsInvalidJson() throws Exception {
        String profond = "{\"nom\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThat(post("/api/test/adhesions", JetonsDeTest.acheteur(), profond, null).statusCode()).isEqualTo(400);
        String nombre = "{\"nom\":\"Dijon\",\"nombre\":" + "9".repeat(5000) + "}";
        assertThat(post("/api/test/adhesions", JetonsDeTest.acheteur(), nombre, null).statusCode()).isEqualTo(400);
    }

    @Test
    void namesCreatedResourceAtThePublicAddress() throws Exception {
        HttpResponse<String> reponse = post("/api/test/crees", JetonsDeTest.acheteur(), "", null);
        assertThat(reponse.statusCode()).isEqualTo(201);
        assertThat(reponse.headers().firstValue("Location")).hasValue("https://centrale.example/api/test/crees/42");
    }

    @Test
    void answersErrorPageAsProblem() throws Exception {
        HttpResponse<String> reponse = get("/error", null);
        assertThat(reponse.statusCode()).isEqualTo(404);
        assertThat(reponse.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private void assertChampRefuse(String corps, String champ, String message) throws Exception {
        HttpResponse<String> reponse = post("/api/test/adhesions", JetonsDeTest.acheteur(), corps, null);
        assertThat(reponse.statusCode()).as(corps + " -> " + reponse.body()).isEqualTo(400);
        assertThat(json.readTree(reponse.body()).has("erreurs")).as(corps + " -> " + reponse.body()).isTrue();
        JsonNode erreur = json.readTree(reponse.body()).get("erreurs").get(0);
        assertThat(erreur.get("champ").asString()).as(reponse.body()).isEqualTo(champ);
        assertThat(erreur.get("message").asString()).as(reponse.body()).contains(message);
    }

    private HttpResponse<String> get(String chemin, String jeton) throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin));
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String chemin, String jeton, String corps, String correlation) throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corps));
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        if (correlation != null) {
            requete.header("X-Correlation-Id", correlation);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }
}
