package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.ActionEffectueeV1;
import fr.centraleachat.marche.journal.application.Journal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal of consultations over HTTP, fed through the outbox, the journal topic and its consumer, on the
 * embedded Kafka broker and mongo-java-server. Its own consumer group, so that the contexts of other tests kept
 * by the test framework do not take its partitions.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=1h", "centrale.outbox.intervalle=100ms",
                "centrale.suppression.intervalle=300ms", "spring.kafka.consumer.group-id=marche-journal-it"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class JournalIT {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant PUBLICATION = LocalDateTime.parse("2026-12-01T10:00").atZone(PARIS).toInstant();
    static final Instant APRES_DLRO = Instant.parse("2027-01-15T11:00:01Z");
    static final String DLRO = "2027-01-15T12:00:00+01:00";
    static final Set<String> CHAMPS_D_UNE_ENTREE = Set.of("rang", "horodatage", "acteur", "roles", "action", "resume",
            "correlationId", "hashPrecedent", "hash");


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-journal");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    Journal journal;

    private final ClientHttpDeTest client = new ClientHttpDeTest(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void membresActifsEtHorloge() throws Exception {
        horloge.regler(PUBLICATION);
        MembresActifsDeTest.activer(bootstrap(), mongo, "journal-it", List.of(JetonsDeTest.SIREN_DIJON,
                JetonsDeTest.SIREN_TALANT));
    }

    @Test
    void listsEveryDecisionInOrderWithTheAcheteurItsRoleAndItsCorrelationId() throws Exception {
        String id = jusquALOuvertureDesPlis("ordre");

        JsonNode page = json.readTree(attendreEntrees(id, 5).body());

        assertThat(page.get("total").asLong()).isEqualTo(5);
        List<JsonNode> entrees = new ArrayList<>();
        page.get("elements").forEach(entrees::add);
        assertThat(entrees).extracting(e -> e.get("action").asString()).containsExactly("CREATION", "MODIFICATION",
                "PUBLICATION", "CLOTURE", "OUVERTURE_DES_PLIS");
        assertThat(entrees).extracting(e -> e.get("rang").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entrees).extracting(e -> e.get("correlationId").asString()).containsExactly("ordre-creation",
                "ordre-modification", "ordre-publication", "ordre-cloture", "ordre-plis");
        assertThat(entrees).allSatisfy(e -> {
            assertThat(e.get("acteur").asString()).isEqualTo("acheteur");
            assertThat(e.get("roles")).hasSize(1);
            assertThat(e.get("roles").get(0).asString()).isEqualTo("ACHETEUR");
            // Who, role, when, what, summary, correlation and the chain: nothing else, no bid content.
            assertThat(e.propertyNames()).containsExactlyInAnyOrderElementsOf(CHAMPS_D_UNE_ENTREE);
        });
        assertThat(entrees.get(0).get("hashPrecedent").asString()).isEqualTo("0".repeat(64));
        assertThat(entrees.get(1).get("hashPrecedent").asString()).isEqualTo(entrees.get(0).get("hash").asString());
        assertThat(entrees.get(0).get("horodatage").asString()).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThat(entrees.get(1).get("resume").asString()).isEqualTo("BROUILLON modifié : objet « Fournitures de bureau"
                + " 2027 » → « Papeterie 2027 »");
        assertThat(entrees.get(2).get("resume").asString()).startsWith("BROUILLON → PUBLIEE ; procédure APPEL_OFFRES_OUVERT"
                + " ; 250000.00 € HT ; DLRO " + DLRO);
        assertThat(entrees.get(3).get("horodatage").asString()).isEqualTo("2027-01-15T12:00:01+01:00");
        assertThat(entrees.get(4).get("resume").asString()).isEqualTo("CLOTUREE → EN_ANALYSE ; plis ouverts");

        JsonNode seconde = json.readTree(get("/api/marche/consultations/" + id + "/journal?page=1&taille=2",
                JetonsDeTest.admin()).body());
        assertThat(seconde.get("elements")).extracting(e -> e.get("rang").asLong()).containsExactly(3L, 4L);

        JsonNode verification = json.readTree(get("/api/marche/consultations/" + id + "/journal/verification",
                JetonsDeTest.acheteur()).body());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entrees").asLong()).isEqualTo(5);
        assertThat(verification.get("premierRangInvalide").isNull()).isTrue();
        assertThat(verification.get("dernierHash").asString()).isEqualTo(entrees.get(4).get("hash").asString());
    }

    @Test
    void exportsTheJournalAsCsvForFrenchSpreadsheetsAndAsJson() throws Exception {
        String id = jusquALOuvertureDesPlis("export");
        attendreEntrees(id, 5);

        HttpResponse<byte[]> csv = client.telecharger("/api/marche/consultations/" + id + "/journal/export?format=csv",
                JetonsDeTest.acheteur());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("journal-" + id + ".csv"));
        assertThat(csv.headers().firstValue("Link")).isEmpty();
        byte[] octets = csv.body();
        assertThat(new byte[] {octets[0], octets[1], octets[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lignes = new String(octets, 3, octets.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lignes).hasSize(6);
        assertThat(lignes[0]).isEqualTo("rang;horodatage;acteur;roles;action;resume;correlationId;hashPrecedent;hash");
        assertThat(lignes[1]).startsWith("1;2026-12-01T10:00:00+01:00;acheteur;ACHETEUR;CREATION;");
        // A summary holding the separator is quoted.
        assertThat(lignes[5]).startsWith("5;")
                .contains(";OUVERTURE_DES_PLIS;\"CLOTUREE → EN_ANALYSE ; plis ouverts\";export-plis;");

        HttpResponse<String> export = get("/api/marche/consultations/" + id + "/journal/export", JetonsDeTest.admin());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode tableau = json.readTree(export.body());
        assertThat(tableau.isArray()).isTrue();
        assertThat(tableau).hasSize(5);
        assertThat(tableau.get(4).get("action").asString()).isEqualTo("OUVERTURE_DES_PLIS");

        HttpResponse<String> suite = get("/api/marche/consultations/" + id + "/journal/export?format=csv&depuis=4",
                JetonsDeTest.acheteur());
        assertThat(suite.body().split("\r\n")).hasSize(3);
        assertChamp(get("/api/marche/consultations/" + id + "/journal/export?format=xml", JetonsDeTest.acheteur()),
                "format");
        assertChamp(get("/api/marche/consultations/" + id + "/journal/export?depuis=0", JetonsDeTest.acheteur()),
                "depuis");
    }

    @Test
    void detectsADocumentTamperedWithInTheStoreAtItsRank() throws Exception {
        String id = jusquALOuvertureDesPlis("falsification");
        attendreEntrees(id, 5);

        var modifie = mongo.updateFirst(Query.query(Criteria.where("consultationId").is(id).and("rang").is(3L)),
                new Update().set("resume", "BROUILLON → PUBLIEE ; DLRO 2027-03-15T12:00:00+01:00"), "journal");
        assertThat(modifie.getModifiedCount()).isEqualTo(1);

        JsonNode verification = json.readTree(get("/api/marche/consultations/" + id + "/journal/verification",
                JetonsDeTest.admin()).body());
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("premierRangInvalide").asLong()).isEqualTo(3);
        assertThat(verification.get("entrees").asLong()).isEqualTo(5);

        mongo.updateFirst(Query.query(Criteria.where("consultationId").is(id).and("rang").is(2L)),
                new Update().unset("hash"), "journal");
        JsonNode illisible = json.readTree(get("/api/marche/consultations/" + id + "/journal/verification",
                JetonsDeTest.admin()).body());
        assertThat(illisible.get("intact").asBoolean()).isFalse();
        assertThat(illisible.get("premierRangInvalide").asLong()).as("a damaged entry is reported, not a crash")
                .isEqualTo(2);
    }

    @Test
    void addsNothingWhenAJournalEventIsDeliveredAgain() throws Exception {
        String id = creer("rejeu");
        attendreEntrees(id, 1);
        ConsumerRecord<String, byte[]> original = lireEvenementJournal(id);

        try (var producteur = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", bootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            // The very same record again (same event id), then a new action of the same consultation behind it.
            producteur.send(new ProducerRecord<>(ActionEffectueeV1.TOPIC, null, original.key(), original.value(),
                    original.headers())).get();
        }
        HttpResponse<String> modifiee = client.envoyer("PUT", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(), corps("Autre objet"), "rejeu-apres");
        assertThat(modifiee.statusCode()).as(modifiee.body()).isEqualTo(200);

        JsonNode page = json.readTree(attendreEntrees(id, 2).body());
        assertThat(page.get("elements")).extracting(e -> e.get("action").asString())
                .containsExactly("CREATION", "MODIFICATION");
        assertThat(mongo.count(Query.query(Criteria.where("consultationId").is(id)), "journal")).isEqualTo(2);
    }

    @Test
    void keepsTheJournalOfADeletedDraftAndRemovesTheDraftOnceTheDeletionIsJournaled() throws Exception {
        String id = creer("suppression");
        HttpResponse<String> supprime = client.envoyer("DELETE", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(), null, "suppression-delete");
        assertThat(supprime.statusCode()).as(supprime.body()).isEqualTo(204);
        assertThat(get("/api/marche/consultations/" + id, JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);

        JsonNode page = json.readTree(attendreEntrees(id, 2).body());
        assertThat(page.get("elements")).extracting(e -> e.get("action").asString())
                .containsExactly("CREATION", "SUPPRESSION");
        assertThat(page.get("elements").get(1).get("resume").asString()).isEqualTo("BROUILLON → supprimé");
        assertThat(page.get("elements").get(1).get("correlationId").asString()).isEqualTo("suppression-delete");
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, Document.class, "consultations") == null);
        assertThat(json.readTree(get("/api/marche/consultations/" + id + "/journal/verification",
                JetonsDeTest.acheteur()).body()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void keepsOneUnbrokenChainWhenAppendsRaceForTheSameConsultation() throws Exception {
        String id = creer("concurrence");
        attendreEntrees(id, 1);
        ConsultationId consultation = ConsultationId.de(id);
        Acteur lecteur = new Acteur("fournisseur", Set.of(Role.FOURNISSEUR), Optional.empty(), Optional.empty(),
                Set.of());
        ExecutorService fils = Executors.newFixedThreadPool(8);
        try {
            List<Future<EntreeJournal>> ajouts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String resume = "lecture concurrente " + i;
                ajouts.add(fils.submit(() -> journal.consigner(consultation, lecteur, ActionJournal.MODIFICATION, resume)));
            }
            for (Future<EntreeJournal> ajout : ajouts) {
                ajout.get(30, TimeUnit.SECONDS);
            }
        } finally {
            fils.shutdownNow();
        }

        JsonNode page = json.readTree(get("/api/marche/consultations/" + id + "/journal?taille=200",
                JetonsDeTest.acheteur()).body());
        assertThat(page.get("total").asLong()).isEqualTo(41);
        List<Long> rangs = new ArrayList<>();
        page.get("elements").forEach(e -> rangs.add(e.get("rang").asLong()));
        assertThat(rangs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 41).boxed().toList());
        JsonNode verification = json.readTree(get("/api/marche/consultations/" + id + "/journal/verification",
                JetonsDeTest.acheteur()).body());
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entrees").asLong()).isEqualTo(41);
    }

    @Test
    void refusesSuppliersAndAgentsAndAnswersNotFoundForAnUnknownId() throws Exception {
        String id = creer("acces");
        attendreEntrees(id, 1);

        for (String jeton : List.of(JetonsDeTest.fournisseur(), JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                JetonsDeTest.client("systeme-externe", "data:read"))) {
            for (String chemin : List.of("/journal", "/journal/export?format=csv", "/journal/verification")) {
                HttpResponse<String> refus = get("/api/marche/consultations/" + id + chemin, jeton);
                assertThat(refus.statusCode()).as(chemin + " " + refus.body()).isEqualTo(403);
                assertThat(refus.headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("application/problem+json"));
            }
        }
        assertThat(get("/api/marche/consultations/" + id + "/journal", null).statusCode()).isEqualTo(401);
        String inconnu = UUID.randomUUID().toString();
        for (String chemin : List.of("/journal", "/journal/export", "/journal/verification")) {
            assertThat(get("/api/marche/consultations/" + inconnu + chemin, JetonsDeTest.acheteur()).statusCode())
                    .as(chemin).isEqualTo(404);
        }
    }

    @Test
    void documentsTheJournalOperationsInOpenApi() throws Exception {
        JsonNode chemins = json.readTree(get("/v3/api-docs", null).body()).get("paths");

        assertThat(chemins.get("/api/marche/consultations/{id}/journal").has("get")).isTrue();
        assertThat(chemins.get("/api/marche/consultations/{id}/journal/verification").has("get")).isTrue();
        JsonNode export = chemins.get("/api/marche/consultations/{id}/journal/export").get("get");
        assertThat(export.get("responses").get("200").get("content").has("text/csv")).isTrue();
        assertThat(export.get("parameters")).extracting(p -> p.get("name").asString()).contains("format", "depuis");
        for (String chemin : List.of("/api/marche/consultations/{id}/journal",
                "/api/marche/consultations/{id}/journal/export", "/api/marche/consultations/{id}/journal/verification")) {
            assertThat(chemins.get(chemin).propertyNames()).as("read-only").containsExactly("get");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A consultation created, modified, published, closed and opened, each step with its own correlation id. */
    private String jusquALOuvertureDesPlis(String prefixe) throws Exception {
        String id = creer(prefixe);
        etape("PUT", "/api/marche/consultations/" + id, corps("Papeterie 2027"), prefixe + "-modification");
        etape("POST", "/api/marche/consultations/" + id + "/publication", "", prefixe + "-publication");
        horloge.regler(APRES_DLRO);
        etape("POST", "/api/marche/consultations/" + id + "/cloture", "", prefixe + "-cloture");
        etape("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis", "", prefixe + "-plis");
        return id;
    }

    private String creer(String prefixe) throws Exception {
        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                corps("Fournitures de bureau 2027"), prefixe + "-creation");
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        return json.readTree(creee.body()).get("id").asString();
    }

    private void etape(String methode, String chemin, String corps, String correlation) throws Exception {
        HttpResponse<String> reponse = client.envoyer(methode, chemin, JetonsDeTest.acheteur(), corps, correlation);
        assertThat(reponse.statusCode()).as(methode + " " + chemin + " " + reponse.body()).isEqualTo(200);
    }

    private static String corps(String objet) {
        return """
                {"objet":"%s","nature":"FOURNITURES","cpvPrincipal":"30192000-1","familleAchat":"FOURNITURES_ADMINISTRATIVES",
                 "lots":[{"numero":1,"intitule":"Papier","montantEstime":150000,"cpv":"30197630-1"},
                         {"numero":2,"intitule":"Petites fournitures","montantEstime":100000}],
                 "criteres":[{"libelle":"Prix","ponderation":60,"type":"PRIX"},
                             {"libelle":"Valeur technique","ponderation":40,"type":"TECHNIQUE"}],
                 "dlro":"%s","beneficiaires":["212102313","212106173"],"delaiReduit":"NONE"}
                """.formatted(objet, DLRO);
    }

    /** Waits until the journal lists {@code n} entries (they arrive through Kafka) and returns that page. */
    private HttpResponse<String> attendreEntrees(String id, int n) {
        List<HttpResponse<String>> derniere = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> page = get("/api/marche/consultations/" + id + "/journal?taille=200",
                    JetonsDeTest.acheteur());
            derniere.add(0, page);
            return page.statusCode() == 200 && json.readTree(page.body()).get("total").asLong() >= n;
        });
        return derniere.get(0);
    }

    private ConsumerRecord<String, byte[]> lireEvenementJournal(String id) {
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers", bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(ActionEffectueeV1.TOPIC));
            List<ConsumerRecord<String, byte[]>> trouves = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consommateur.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (id.equals(r.key())) {
                        trouves.add(r);
                    }
                });
                return !trouves.isEmpty();
            });
            return trouves.get(0);
        }
    }


    private void assertChamp(HttpResponse<String> reponse, String champ) {
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(400);
        assertThat(json.readTree(reponse.body()).get("erreurs").findValuesAsString("champ")).contains(champ);
    }

    private HttpResponse<String> get(String chemin, String jeton) throws Exception {
        return client.envoyer("GET", chemin, jeton);
    }

    private static String bootstrap() {
        return InfrastructureDeTest.kafka().bootstrapServers();
    }
}
