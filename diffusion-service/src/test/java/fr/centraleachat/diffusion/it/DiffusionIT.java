package fr.centraleachat.diffusion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.diffusion.DiffusionApplication;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal, the feed and the webhooks end to end: events produced on the real topics as the services produce
 * them (binary CloudEvents), read back through the HTTP API with real tokens, and pushed to a local receiver.
 */
@SpringBootTest(classes = DiffusionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The receiver is on this machine: internal destinations allowed, as in a local run.
        properties = {"centrale.webhooks.tentatives-max=3", "centrale.webhooks.intervalle=200ms",
                "centrale.webhooks.destinations-internes=true"})
@Import(JetonsDeTest.Configuration.class)
class DiffusionIT {

    static final String TYPE = "fr.centraleachat.catalogue.SeuilConsommationAtteint.v1";

    private static KafkaProducer<String, CloudEvent> producteur;
    private static HttpServer recepteur;
    private static final List<Recu> recus = new CopyOnWriteArrayList<>();
    private static final AtomicInteger statutRecepteur = new AtomicInteger(204);

    record Recu(String id, String horodatage, String signature, String corps) {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "diffusion");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String client = JetonsDeTest.client("systeme-externe", "events:read");

    @BeforeAll
    static void demarrer() throws Exception {
        producteur = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureDeTest.kafka().bootstrapServers()),
                new StringSerializer(), new CloudEventSerializer());
        recepteur = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        recepteur.createContext("/hook", echange -> {
            byte[] corps = echange.getRequestBody().readAllBytes();
            int statut = statutRecepteur.get();
            if (statut < 300) {
                recus.add(new Recu(echange.getRequestHeaders().getFirst("Centrale-Webhook-Id"),
                        echange.getRequestHeaders().getFirst("Centrale-Webhook-Timestamp"),
                        echange.getRequestHeaders().getFirst("Centrale-Webhook-Signature"),
                        new String(corps, StandardCharsets.UTF_8)));
            }
            echange.sendResponseHeaders(statut, -1);
            echange.close();
        });
        recepteur.start();
    }

    @AfterAll
    static void arreter() {
        producteur.close();
        recepteur.stop(0);
    }

    @Test
    void readsTheFeedFromTheStartAndResumesFromACursorEachEventOnceInOrder() throws Exception {
        String sujet = "contrat-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(produire(sujet, "{\"rang\":" + i + "}"));
        }
        // The producer's relay may send an event again after a crash: the same id is journaled once.
        produire(sujet, ids.get(3), "{\"rang\":3}");

        await().atMost(Duration.ofSeconds(30)).until(() -> lire("subject=" + sujet + "&limit=1000")
                .get("evenements").size() == 25);
        List<String> lus = new ArrayList<>();
        String curseur = null;
        JsonNode page;
        do {
            page = lire("subject=" + sujet + "&limit=10" + (curseur == null ? "" : "&after=" + curseur));
            page.get("evenements").forEach(e -> lus.add(e.get("id").asString()));
            curseur = page.get("curseur").asString();
        } while (page.get("evenements").size() == 10);
        assertThat(lus).containsExactlyElementsOf(ids);

        JsonNode premier = lire("subject=" + sujet + "&limit=1").get("evenements").get(0);
        assertThat(premier.get("specversion").asString()).isEqualTo("1.0");
        assertThat(premier.get("type").asString()).isEqualTo(TYPE);
        assertThat(premier.get("source").asString()).isEqualTo(Topic.CATALOGUE.source());
        assertThat(premier.get("subject").asString()).isEqualTo(sujet);
        assertThat(premier.get("correlationid").asString()).isEqualTo("it-" + ids.get(0));
        assertThat(premier.get("data").get("rang").asInt()).isZero();
        assertThat(premier.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
    }

    @Test
    void answersNotModifiedWhileNothingNewThenTheNewEvent() throws Exception {
        String sujet = "contrat-" + UUID.randomUUID();
        String premier = produire(sujet, "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> lire("subject=" + sujet).get("evenements").size() == 1);
        String curseur = lire("subject=" + sujet).get("curseur").asString();

        HttpResponse<String> vide = get("/api/diffusion/feed?subject=" + sujet + "&after=" + curseur, client, null);
        assertThat(vide.statusCode()).isEqualTo(200);
        assertThat(vide.headers().firstValue("Retry-After")).isPresent();
        String etag = vide.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> inchange = get("/api/diffusion/feed?subject=" + sujet + "&after=" + curseur, client,
                etag);
        assertThat(inchange.statusCode()).isEqualTo(304);
        assertThat(inchange.body()).isEmpty();

        String second = produire(sujet, "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/diffusion/feed?subject=" + sujet + "&after="
                + curseur, client, etag).statusCode() == 200);
        JsonNode suite = json.readTree(get("/api/diffusion/feed?subject=" + sujet + "&after=" + curseur, client,
                etag).body());
        assertThat(suite.get("evenements").get(0).get("id").asString()).isEqualTo(second).isNotEqualTo(premier);
    }

    @Test
    void refusesAForeignCursorOrAnOutOfBoundsLimitWithAFrenchProblem() throws Exception {
        for (String requete : List.of("after=pas-un-curseur", "limit=1001", "limit=0",
                "type=" + URLEncoder.encode("a b", StandardCharsets.UTF_8))) {
            HttpResponse<String> reponse = get("/api/diffusion/feed?" + requete, client, null);
            assertThat(reponse.statusCode()).as(requete).isEqualTo(400);
            assertThat(reponse.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
        assertThat(get("/api/diffusion/feed", JetonsDeTest.acheteur(), null).statusCode()).isEqualTo(403);
        assertThat(get("/api/diffusion/feed", JetonsDeTest.client("autre", "data:read"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPoisonEventIsSetAsideAndTheJournalGoesOn() throws Exception {
        String sujet = "contrat-" + UUID.randomUUID();
        producteur.send(new ProducerRecord<>(Topic.CATALOGUE.nom(), sujet, CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString()).withSource(URI.create(Topic.CATALOGUE.source())).withType(TYPE)
                .withSubject(sujet).withDataContentType("application/json")
                .withData("{\"pas du json".getBytes(StandardCharsets.UTF_8)).build())).get();
        String sain = produire(sujet, "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> lire("subject=" + sujet).get("evenements").size() == 1);
        assertThat(lire("subject=" + sujet).get("evenements").get(0).get("id").asString()).isEqualTo(sain);
    }

    @Test
    void deliversSignedEventsToAWebhookRetriesParksAndReplays() throws Exception {
        String sujet = "webhook-" + UUID.randomUUID();
        HttpResponse<String> creation = post("/api/diffusion/webhooks", "{\"url\":\"http://localhost:"
                + recepteur.getAddress().getPort() + "/hook\",\"types\":[\"" + TYPE + "\"]}");
        assertThat(creation.statusCode()).as(creation.body()).isEqualTo(201);
        JsonNode abonnement = json.readTree(creation.body());
        String id = abonnement.get("id").asString();
        String secret = abonnement.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(json.readTree(get("/api/diffusion/webhooks/" + id, client, null).body()).has("secret")).isFalse();

        String premier = produire(sujet, "{\"n\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() -> recus.stream().anyMatch(r -> r.id().equals(premier)));
        Recu recu = recus.stream().filter(r -> r.id().equals(premier)).findFirst().orElseThrow();
        assertThat(recu.signature()).isEqualTo("v1=" + hmac(secret, recu.horodatage() + "." + recu.corps()));
        assertThat(Math.abs(Long.parseLong(recu.horodatage()) - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(json.readTree(recu.corps()).get("id").asString()).isEqualTo(premier);
        assertThat(json.readTree(recu.corps()).get("data").get("n").asInt()).isEqualTo(1);

        // The receiver fails: 1 s, 2 s, then the subscription is parked (3 attempts in this test).
        statutRecepteur.set(500);
        String second = produire(sujet, "{\"n\":2}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDU".equals(
                json.readTree(get("/api/diffusion/webhooks/" + id, client, null).body()).get("statut").asString()));
        JsonNode suspendu = json.readTree(get("/api/diffusion/webhooks/" + id, client, null).body());
        assertThat(suspendu.get("derniereErreur").asString()).isEqualTo("HTTP 500");
        assertThat(suspendu.get("echecsConsecutifs").asInt()).isEqualTo(3);

        statutRecepteur.set(200);
        assertThat(post("/api/diffusion/webhooks/" + id + "/reprise", "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> recus.stream().anyMatch(r -> r.id().equals(second)));

        // A replay from the cursor before the first event delivers both again, in order.
        recus.clear();
        String curseurDebut = curseurAvant(premier);
        assertThat(post("/api/diffusion/webhooks/" + id + "/reprise", "{\"depuis\":\"" + curseurDebut + "\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> recus.stream().anyMatch(r -> r.id().equals(second)));
        assertThat(recus.stream().map(Recu::id).filter(r -> r.equals(premier) || r.equals(second)).toList())
                .containsExactly(premier, second);

        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/diffusion/webhooks/" + id)))
                .header("Authorization", "Bearer " + client).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(get("/api/diffusion/webhooks/" + id, client, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aSubscriptionIsItsOwnersOnly() throws Exception {
        HttpResponse<String> creation = post("/api/diffusion/webhooks", "{\"url\":\"https://si.example.fr/a\"}");
        String id = json.readTree(creation.body()).get("id").asString();
        String autre = JetonsDeTest.client("autre-systeme", "events:read");
        assertThat(get("/api/diffusion/webhooks/" + id, autre, null).statusCode()).isEqualTo(404);
        assertThat(json.readTree(get("/api/diffusion/webhooks", autre, null).body()).get("total").asLong()).isZero();
        assertThat(get("/api/diffusion/webhooks/" + id, JetonsDeTest.admin(), null).statusCode()).isEqualTo(200);
    }

    /** The cursor just before an event: the position of the event before it in the whole journal. */
    private String curseurAvant(String id) throws Exception {
        String curseur = null;
        while (true) {
            JsonNode page = lire("limit=1" + (curseur == null ? "" : "&after=" + curseur));
            JsonNode evenement = page.get("evenements").get(0);
            if (evenement.get("id").asString().equals(id)) {
                return curseur == null ? Curseur.DEBUT.texte() : curseur;
            }
            curseur = page.get("curseur").asString();
        }
    }

    private String produire(String sujet, String donnees) throws Exception {
        return produire(sujet, UUID.randomUUID().toString(), donnees);
    }

    private String produire(String sujet, String id, String donnees) throws Exception {
        producteur.send(new ProducerRecord<>(Topic.CATALOGUE.nom(), sujet, CloudEventBuilder.v1().withId(id)
                .withSource(URI.create(Topic.CATALOGUE.source())).withType(TYPE).withSubject(sujet)
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withExtension("correlationid", "it-" + id)
                .withDataContentType("application/json").withData(donnees.getBytes(StandardCharsets.UTF_8))
                .build())).get();
        return id;
    }

    private JsonNode lire(String requete) throws Exception {
        HttpResponse<String> reponse = get("/api/diffusion/feed?" + requete, client, null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return json.readTree(reponse.body());
    }

    private HttpResponse<String> get(String chemin, String jeton, String etag) throws Exception {
        HttpRequest.Builder requete = HttpRequest.newBuilder(URI.create(url(chemin)))
                .header("Authorization", "Bearer " + jeton);
        if (etag != null) {
            requete.header("If-None-Match", etag);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String chemin, String corps) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(chemin))).header("Authorization", "Bearer " + client)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String chemin) {
        return "http://localhost:" + port + chemin;
    }

    private static String hmac(String secret, String texte) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(texte.getBytes(StandardCharsets.UTF_8)));
    }
}
