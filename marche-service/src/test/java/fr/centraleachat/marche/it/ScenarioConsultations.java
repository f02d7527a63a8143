package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consultation scenario over HTTP with real tokens, a real broker and a Mongo-compatible store. Subclasses
 * provide the infrastructure (embedded, or containers where Docker exists).
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms"})
@Import({JetonsDeTest.Configuration.class, ScenarioConsultations.Horloge.class})
abstract class ScenarioConsultations {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday: every DLRO below is counted from this publication date. */
    static final Instant PUBLICATION = LocalDateTime.parse("2026-12-01T10:00").atZone(PARIS).toInstant();
    static final String DLRO_LEGALE = "2027-01-15T12:00:00+01:00";
    static final String TOPIC = "centrale.marche.v1";

    @TestConfiguration(proxyBeanMethods = false)
    static class Horloge {
        @Bean
        HorlogeReglable horlogeReglable() {
            return new HorlogeReglable(PUBLICATION);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    HorlogeReglable horloge;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    abstract String bootstrapServers();

    @BeforeEach
    void remettreLHorloge() {
        horloge.regler(PUBLICATION);
    }

    @Test
    void publishesAConsultationAndAnnouncesItOnTheMarcheTopic() throws Exception {
        HttpResponse<String> creee = envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE), null);
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        JsonNode brouillon = json.readTree(creee.body());
        String id = brouillon.get("id").asString();
        assertThat(creee.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/api/marche/consultations/" + id));
        assertThat(brouillon.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(brouillon.get("dlro").asString()).isEqualTo(DLRO_LEGALE);
        assertThat(brouillon.get("valeurEstimeeTotale").decimalValue()).isEqualByComparingTo("250000");
        assertThat(brouillon.get("lots").get(0).get("cpv").asString()).isEqualTo("30197630-1");
        assertThat(brouillon.get("lots").get(1).get("cpv").asString()).isEqualTo("30192000-1");
        assertThat(brouillon.get("version").asLong()).isZero();

        HttpResponse<String> publiee = envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "{}", "publication-" + id);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        JsonNode vue = json.readTree(publiee.body());
        assertThat(vue.get("statut").asString()).isEqualTo("PUBLIEE");
        assertThat(vue.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(vue.get("datePublication").asString()).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThat(vue.get("avertissements").isArray()).isTrue();
        assertThat(vue.get("version").asLong()).isEqualTo(1);

        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationPubliee.v1");
        assertThat(entete(evenement, "ce_subject")).isEqualTo(id);
        assertThat(entete(evenement, "ce_id")).isNotBlank();
        assertThat(entete(evenement, "ce_correlationid")).isEqualTo("publication-" + id);
        JsonNode donnees = json.readTree(new String(evenement.value(), StandardCharsets.UTF_8));
        assertThat(donnees.get("consultationId").asString()).isEqualTo(id);
        assertThat(donnees.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(donnees.get("cpvPrincipal").asString()).isEqualTo("30192000-1");
        assertThat(donnees.get("lots")).hasSize(2);
        assertThat(donnees.get("criteres").get(0).get("type").asString()).isEqualTo("PRIX");
        assertThat(donnees.get("beneficiaires").get(1).asString()).isEqualTo(JetonsDeTest.SIREN_TALANT);
        assertThat(Instant.parse(donnees.get("dlro").asString()))
                .isEqualTo(Instant.parse("2027-01-15T11:00:00Z"));

        // Once published it is public: an agent and a supplier read it.
        HttpResponse<String> parAgent = envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT), null, null);
        assertThat(parAgent.statusCode()).as(parAgent.body()).isEqualTo(200);
        assertThat(json.readTree(parAgent.body()).get("avertissements").size()).isZero();
        HttpResponse<String> liste = envoyer("GET", "/api/marche/consultations?statut=PUBLIEE",
                JetonsDeTest.fournisseur(), null, null);
        assertThat(liste.statusCode()).isEqualTo(200);
        assertThat(liste.body()).contains(id);
    }

    @Test
    void refusesToPublishTwice() throws Exception {
        String id = creer(DLRO_LEGALE);
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(), "{}",
                null).statusCode()).isEqualTo(200);

        HttpResponse<String> encore = envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "{}", null);
        assertThat(encore.statusCode()).as(encore.body()).isEqualTo(409);
        assertThat(json.readTree(encore.body()).get("etatActuel").asString()).isEqualTo("PUBLIEE");

        HttpResponse<String> modification = envoyer("PUT", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(),
                consultation("30192000-1", 70, 30, DLRO_LEGALE), null);
        assertThat(modification.statusCode()).as(modification.body()).isEqualTo(409);
    }

    @Test
    void refusesADlroUnderTheLegalMinimumWithTheEarliestDate() throws Exception {
        String id = creer("2026-12-18T12:00:00+01:00");

        HttpResponse<String> publication = envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "{}", null);

        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(400);
        JsonNode erreur = json.readTree(publication.body()).get("erreurs").get(0);
        assertThat(erreur.get("champ").asString()).isEqualTo("dlro");
        assertThat(erreur.get("message").asString()).contains("minimum légal de 30 jours").contains("31/12/2026");
        assertThat(statut(id)).isEqualTo("BROUILLON");
    }

    @Test
    void modifiesADraftAndKeepsItHiddenFromAgents() throws Exception {
        String id = creer(DLRO_LEGALE);

        HttpResponse<String> modifiee = envoyer("PUT", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(),
                consultation("30192000-1", 70, 30, DLRO_LEGALE).replace("Fournitures de bureau 2027", "Papeterie 2027"),
                null);
        assertThat(modifiee.statusCode()).as(modifiee.body()).isEqualTo(200);
        JsonNode vue = json.readTree(modifiee.body());
        assertThat(vue.get("objet").asString()).isEqualTo("Papeterie 2027");
        assertThat(vue.get("criteres").get(0).get("ponderation").asInt()).isEqualTo(70);
        assertThat(vue.get("version").asLong()).isEqualTo(1);

        assertThat(envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                null, null).statusCode()).isEqualTo(404);
        assertThat(envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.fournisseur(), null, null)
                .statusCode()).isEqualTo(404);
        assertThat(envoyer("GET", "/api/marche/consultations?statut=BROUILLON",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), null, null).body()).doesNotContain(id);
        assertThat(envoyer("GET", "/api/marche/consultations?statut=BROUILLON", JetonsDeTest.admin(), null, null)
                .body()).contains(id);
        assertThat(envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.jeton("sans-role", List.of(), null, null), null, null).statusCode()).isEqualTo(403);
        assertThat(envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.client("systeme-externe", "data:read"), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesCallersWhoAreNotAcheteurs() throws Exception {
        assertThat(envoyer("POST", "/api/marche/consultations", null,
                consultation("30192000-1", 60, 40, DLRO_LEGALE), null).statusCode()).isEqualTo(401);

        HttpResponse<String> parAgent = envoyer("POST", "/api/marche/consultations",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), consultation("30192000-1", 60, 40, DLRO_LEGALE), null);
        assertThat(parAgent.statusCode()).as(parAgent.body()).isEqualTo(403);
        assertThat(parAgent.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(envoyer("POST", "/api/marche/consultations", JetonsDeTest.fournisseur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE), null).statusCode()).isEqualTo(403);

        String id = creer(DLRO_LEGALE);
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), "{}", null).statusCode()).isEqualTo(403);
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.admin(),
                "{\"raison\":\"x\"}", null).statusCode()).isEqualTo(403);
        assertThat(statut(id)).isEqualTo("BROUILLON");
    }

    @Test
    void rejectsInvalidBodiesWithPerFieldFrenchMessages() throws Exception {
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 30, DLRO_LEGALE), null), "criteres", "égale à 100 (actuellement 90)");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-2", 60, 40, DLRO_LEGALE), null), "cpvPrincipal", "clé de contrôle");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("30197630-1", "30197630-9"), null),
                "lots[0].cpv", "clé de contrôle");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("212106173", "212106174"), null),
                "beneficiaires[1]", "SIREN");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("\"FOURNITURES\"", "\"MEUBLES\""), null),
                "nature", "type incorrect");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("150000", "-5"), null),
                "lots[0].montantEstime", "négatif");
        assertChamp(envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, "2027-01-15T12:00:00"), null), "dlro", "type incorrect");

        HttpResponse<String> vide = envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), "{}", null);
        assertThat(vide.statusCode()).isEqualTo(400);
        assertThat(champs(vide)).contains("objet", "nature", "cpvPrincipal", "lots", "criteres", "dlro", "beneficiaires");

        HttpResponse<String> malforme = envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                "{\"objet\": \"Fournitures\",", null);
        assertThat(malforme.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malforme.body()).get("detail").asString()).contains("JSON");

        assertChamp(envoyer("GET", "/api/marche/consultations/pas-un-uuid", JetonsDeTest.acheteur(), null, null),
                "id", "invalide");
        assertThat(envoyer("GET", "/api/marche/consultations/" + UUID.randomUUID(), JetonsDeTest.acheteur(), null, null)
                .statusCode()).isEqualTo(404);
        assertChamp(envoyer("GET", "/api/marche/consultations?statut=OUVERTE", JetonsDeTest.acheteur(), null, null),
                "statut", "type incorrect");
        String id = creer(DLRO_LEGALE);
        assertChamp(envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.acheteur(),
                "{\"raison\":\"  \"}", null), "raison", "obligatoire");
    }

    @Test
    void closesAutomaticallyOnceTheDlroHasPassedThenOpensTheBids() throws Exception {
        String id = creer(DLRO_LEGALE);
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(), "{}",
                null).statusCode()).isEqualTo(200);

        HttpResponse<String> tropTot = envoyer("POST", "/api/marche/consultations/" + id + "/cloture",
                JetonsDeTest.acheteur(), "{}", null);
        assertChamp(tropTot, "dlro", "qu'après la date limite");
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis", JetonsDeTest.acheteur(),
                "{}", null).statusCode()).isEqualTo(409);

        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statut(id)).isEqualTo("CLOTUREE"));

        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationCloturee.v1");
        assertThat(entete(evenement, "ce_subject")).isEqualTo(id);
        assertThat(entete(evenement, "ce_correlationid")).startsWith("cloture-");
        JsonNode donnees = json.readTree(new String(evenement.value(), StandardCharsets.UTF_8));
        assertThat(Instant.parse(donnees.get("dateCloture").asString())).isEqualTo(Instant.parse("2027-01-15T11:00:01Z"));

        HttpResponse<String> plis = envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur(), "{}", null);
        assertThat(plis.statusCode()).as(plis.body()).isEqualTo(200);
        assertThat(json.readTree(plis.body()).get("statut").asString()).isEqualTo("EN_ANALYSE");
    }

    @Test
    void declaresSansSuiteWithItsReasonAndAnnouncesIt() throws Exception {
        String id = creer(DLRO_LEGALE);
        envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(), "{}", null);

        HttpResponse<String> sansSuite = envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite",
                JetonsDeTest.acheteur(), "{\"raison\":\"Besoin disparu\"}", null);

        assertThat(sansSuite.statusCode()).as(sansSuite.body()).isEqualTo(200);
        JsonNode vue = json.readTree(sansSuite.body());
        assertThat(vue.get("statut").asString()).isEqualTo("SANS_SUITE");
        assertThat(vue.get("raisonSansSuite").asString()).isEqualTo("Besoin disparu");
        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationSansSuite.v1");
        assertThat(json.readTree(new String(evenement.value(), StandardCharsets.UTF_8)).get("raison").asString())
                .isEqualTo("Besoin disparu");
        assertThat(envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.acheteur(),
                "{\"raison\":\"Encore\"}", null).statusCode()).isEqualTo(409);
    }

    @Test
    void answersTheProcedureAndTheEarliestLawfulDlro() throws Exception {
        HttpResponse<String> procedure = envoyer("GET",
                "/api/marche/reglementation/procedure?nature=FOURNITURES&valeurEstimee=250000&date=2027-01-10",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), null, null);
        assertThat(procedure.statusCode()).as(procedure.body()).isEqualTo(200);
        JsonNode vue = json.readTree(procedure.body());
        assertThat(vue.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(vue.get("seuils").get("europeen").decimalValue()).isEqualByComparingTo("216000");
        assertThat(vue.get("seuils").get("dispense").decimalValue()).isEqualByComparingTo("60000");

        HttpResponse<String> dlro = envoyer("GET", "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT"
                + "&publication=2026-12-13T10:00:00Z&delaiReduit=NONE", JetonsDeTest.fournisseur(), null, null);
        assertThat(dlro.statusCode()).as(dlro.body()).isEqualTo(200);
        assertThat(json.readTree(dlro.body()).get("premiereDlro").asString()).isEqualTo("2027-01-12");

        assertChamp(envoyer("GET", "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT"
                + "&publication=demain", JetonsDeTest.acheteur(), null, null), "publication", "invalide");
        assertChamp(envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=-1",
                JetonsDeTest.acheteur(), null, null), "valeurEstimee", "négatif");
        assertChamp(envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=abc",
                JetonsDeTest.acheteur(), null, null), "valeurEstimee", "type incorrect");
        assertChamp(envoyer("GET", "/api/marche/reglementation/procedure?valeurEstimee=10",
                JetonsDeTest.acheteur(), null, null), "nature", "obligatoire");
        assertThat(envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=1", null, null,
                null).statusCode()).isEqualTo(401);
    }

    @Test
    void documentsTheApiInOpenApiWithoutAToken() throws Exception {
        HttpResponse<String> documentation = envoyer("GET", "/v3/api-docs", null, null, null);

        assertThat(documentation.statusCode()).isEqualTo(200);
        JsonNode chemins = json.readTree(documentation.body()).get("paths");
        assertThat(chemins.has("/api/marche/consultations/{id}/publication")).isTrue();
        assertThat(chemins.has("/api/marche/reglementation/premiere-dlro")).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String creer(String dlro) throws Exception {
        HttpResponse<String> reponse = envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, dlro), null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private String statut(String id) throws Exception {
        HttpResponse<String> reponse = envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(), null, null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return json.readTree(reponse.body()).get("statut").asString();
    }

    static String consultation(String cpv, int poidsPrix, int poidsTechnique, String dlro) {
        return """
                {"objet":"Fournitures de bureau 2027","nature":"FOURNITURES","cpvPrincipal":"%s",
                 "lots":[{"numero":1,"intitule":"Papier","montantEstime":150000,"cpv":"30197630-1"},
                         {"numero":2,"intitule":"Petites fournitures","montantEstime":100000}],
                 "criteres":[{"libelle":"Prix","ponderation":%d,"type":"PRIX"},
                             {"libelle":"Valeur technique","ponderation":%d,"type":"TECHNIQUE"}],
                 "dlro":"%s","beneficiaires":["212102313","212106173"],"delaiReduit":"NONE"}
                """.formatted(cpv, poidsPrix, poidsTechnique, dlro);
    }

    private void assertChamp(HttpResponse<String> reponse, String champ, String fragment) {
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(400);
        JsonNode erreurs = json.readTree(reponse.body()).get("erreurs");
        assertThat(erreurs).as(reponse.body()).isNotNull();
        List<String> messages = new ArrayList<>();
        for (JsonNode erreur : erreurs) {
            if (champ.equals(erreur.get("champ").asString())) {
                messages.add(erreur.get("message").asString());
            }
        }
        assertThat(messages).as(reponse.body()).anySatisfy(m -> assertThat(m).contains(fragment));
    }

    private List<String> champs(HttpResponse<String> reponse) {
        List<String> champs = new ArrayList<>();
        json.readTree(reponse.body()).get("erreurs").forEach(e -> champs.add(e.get("champ").asString()));
        return champs;
    }

    private HttpResponse<String> envoyer(String methode, String chemin, String jeton, String corps, String correlation)
            throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(corps));
        if (corps != null) {
            requete.header("Content-Type", "application/json");
        }
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        if (correlation != null) {
            requete.header("X-Correlation-Id", correlation);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Reads the marche topic from the start until the event of that type for that consultation shows up. */
    private ConsumerRecord<String, byte[]> attendreEvenement(String id, String type) {
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, byte[]>> trouve = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(300))) {
                    if (id.equals(record.key()) && type.equals(entete(record, "ce_type"))) {
                        trouve.add(record);
                    }
                }
                return !trouve.isEmpty();
            });
            return trouve.get(0);
        }
    }

    private static String entete(ConsumerRecord<String, byte[]> record, String nom) {
        var entete = record.headers().lastHeader(nom);
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
    }
}
