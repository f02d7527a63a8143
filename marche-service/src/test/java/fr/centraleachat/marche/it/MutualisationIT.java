package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.adhesion.ApprobationGroupementEnregistreeV1;
import fr.centraleachat.contracts.adhesion.GroupementConstitueV1;
import fr.centraleachat.contracts.adhesion.GroupementCreeV1;
import fr.centraleachat.contracts.adhesion.GroupementV1;
import fr.centraleachat.contracts.adhesion.RecensementClosV1;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.marche.consultation.application.BrouillonsDesRecensements;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mutualisation end to end with the real broker and store: the groupement events gate a consultation's
 * publication, a closed recensement becomes a draft consultation, and the annual plan feeds the fractionnement
 * warning given at publication.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.outbox.intervalle=100ms", "centrale.cloture.intervalle=300ms"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class MutualisationIT {

    static final Instant PUBLICATION = ScenarioConsultations.PUBLICATION;
    static final String QUETIGNY = "212105159";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-mutualisation");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HorlogeReglable horloge;

    private final ClientHttpDeTest client = new ClientHttpDeTest(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void membresActifsEtHorloge() throws Exception {
        horloge.regler(PUBLICATION);
        MembresActifsDeTest.activer(InfrastructureDeTest.kafka().bootstrapServers(), mongo, "mutualisation-it",
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT));
    }

    @Test
    void refusesToPublishAGroupementConsultationUntilItsLastApprovalArrives() throws Exception {
        String groupement = UUID.randomUUID().toString();
        // Quetigny has no adhésion to the centrale: a groupement's convention is what entitles it.
        produire(Evenements.GROUPEMENT_CREE, groupement, groupement + "-1",
                new GroupementCreeV1(etat(groupement, "EN_CONSTITUTION", 1, true, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(groupement, Document.class,
                "groupements") != null);

        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                ScenarioConsultations.consultation("30192000-1", 60, 40, ScenarioConsultations.DLRO_LEGALE)
                        .replace("\"beneficiaires\":[\"212102313\",\"212106173\"]",
                                "\"beneficiaires\":[\"212102313\",\"" + QUETIGNY + "\"],\"groupementId\":\""
                                        + groupement + "\""));
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        JsonNode vue = json.readTree(creee.body());
        String id = vue.get("id").asString();
        assertThat(vue.get("groupement").get("coordonnateur").asString()).isEqualTo(JetonsDeTest.SIREN_DIJON);

        HttpResponse<String> refusee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(refusee.statusCode()).as(refusee.body()).isEqualTo(409);
        assertThat(refusee.body()).contains("n'est pas constitué").contains("Quetigny (" + QUETIGNY + ")")
                .doesNotContain("Dijon (");
        assertThat(statut(id)).isEqualTo("BROUILLON");

        produire(Evenements.APPROBATION_GROUPEMENT_ENREGISTREE, groupement, groupement + "-2",
                new ApprobationGroupementEnregistreeV1(QUETIGNY, "D-2026-77", LocalDate.of(2026, 11, 20),
                        etat(groupement, "EN_CONSTITUTION", 2, true, true)));
        produire(Evenements.GROUPEMENT_CONSTITUE, groupement, groupement + "-3",
                new GroupementConstitueV1(LocalDate.of(2026, 11, 20), etat(groupement, "CONSTITUE", 3, true, true)));
        // A late redelivery of the creation must not take the groupement back.
        produire(Evenements.GROUPEMENT_CREE, groupement, groupement + "-1",
                new GroupementCreeV1(etat(groupement, "EN_CONSTITUTION", 1, true, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONSTITUE".equals(
                mongo.findById(groupement, Document.class, "groupements").getString("statut")));
        Thread.sleep(500);
        assertThat(mongo.findById(groupement, Document.class, "groupements").getString("statut"))
                .isEqualTo("CONSTITUE");

        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        assertThat(statut(id)).isEqualTo("PUBLIEE");
    }

    @Test
    void recordsTheGroupementsCoordonnateurAsTheBuyerOfTheMarche() throws Exception {
        String groupement = UUID.randomUUID().toString();
        produire(Evenements.GROUPEMENT_CONSTITUE, groupement, groupement + "-3",
                new GroupementConstitueV1(LocalDate.of(2026, 11, 20), etat(groupement, "CONSTITUE", 3, true, true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(groupement, Document.class,
                "groupements") != null);
        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), """
                {"objet":"Balayage des voiries","nature":"FOURNITURES","cpvPrincipal":"30192000-1",
                 "familleAchat":"ENTRETIEN_NETTOYAGE","lots":[{"numero":1,"intitule":"Balayeuses","montantEstime":80000}],
                 "criteres":[{"libelle":"Prix","ponderation":100,"type":"PRIX"}],"dlro":"%s",
                 "beneficiaires":["212102313","%s"],"groupementId":"%s"}"""
                .formatted(ScenarioConsultations.DLRO_LEGALE, QUETIGNY, groupement));
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        String id = json.readTree(creee.body()).get("id").asString();
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(),
                null)
                .statusCode()).isEqualTo(200);
        assertThat(deposer(id).statusCode()).isEqualTo(201);

        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> statut(id).equals("CLOTUREE"));
        String lot = "/api/marche/consultations/" + id + "/lots/1";
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur(),
                null).statusCode()).isEqualTo(200);
        HttpResponse<String> attribution = client.envoyer("POST", lot + "/attribution", JetonsDeTest.acheteur(), "{}");
        assertThat(attribution.statusCode()).as(attribution.body()).isEqualTo(200);
        HttpResponse<String> rejets = client.envoyer("POST", lot + "/rejets", JetonsDeTest.acheteur(),
                "{\"electronique\":true}");
        assertThat(rejets.statusCode()).as(rejets.body()).isEqualTo(200);
        HttpResponse<String> notifie = client.envoyer("POST", lot + "/notification", JetonsDeTest.acheteur(),
                "{\"forme\":\"MARCHE_ORDINAIRE\",\"formePrix\":\"FORFAITAIRE\",\"dureeMois\":12,"
                        + "\"dateDebut\":\"2027-02-01\"}");
        assertThat(notifie.statusCode()).as(notifie.body()).isEqualTo(200);
        JsonNode marche = json.readTree(notifie.body()).get("marche");
        assertThat(marche.get("groupementId").asString()).isEqualTo(groupement);
        assertThat(marche.get("coordonnateur").asString()).isEqualTo(JetonsDeTest.SIREN_DIJON);
        Document enregistre = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("marche.numero")
                        .is(marche.get("numero").asString())), Document.class, "analyses");
        assertThat(enregistre.get("marche", Document.class).getString("coordonnateur"))
                .isEqualTo(JetonsDeTest.SIREN_DIJON);
    }

    @Test
    void draftsOneConsultationFromAClosedRecensementWithTheConsolidatedValues() throws Exception {
        String recensement = UUID.randomUUID().toString();
        RecensementClosV1 clos = new RecensementClosV1(recensement, "Papier pour les écoles",
                "FOURNITURES_ADMINISTRATIVES", "FOURNITURES", "30197630-1", "acheteur", PUBLICATION.minusSeconds(3600),
                List.of(new RecensementClosV1.LotConsolideV1(1, "Ramettes A4", "ramette", null,
                                new BigDecimal("30000"), new BigDecimal("270000"), List.of(
                                new RecensementClosV1.BesoinMembreV1(JetonsDeTest.SIREN_DIJON, new BigDecimal("10000"),
                                        new BigDecimal("90000")),
                                new RecensementClosV1.BesoinMembreV1(JetonsDeTest.SIREN_TALANT, new BigDecimal("20000"),
                                        new BigDecimal("180000")))),
                        new RecensementClosV1.LotConsolideV1(2, "Ramettes A3", "ramette", null, BigDecimal.ZERO,
                                BigDecimal.ZERO, List.of())),
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT), List.of(), List.of(QUETIGNY));
        produire(Evenements.RECENSEMENT_CLOS, recensement, recensement + "-clos", clos);
        produire(Evenements.RECENSEMENT_CLOS, recensement, recensement + "-clos-bis", clos);

        String id = BrouillonsDesRecensements.idDuBrouillon(recensement).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(), null).statusCode() == 200);
        JsonNode brouillon = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(),
                null).body());
        assertThat(brouillon.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(brouillon.get("recensementId").asString()).isEqualTo(recensement);
        assertThat(brouillon.get("lots")).hasSize(1);
        assertThat(brouillon.get("valeurEstimeeTotale").decimalValue()).isEqualByComparingTo("270000");
        assertThat(brouillon.get("beneficiaires").toString()).isEqualTo("[\"212102313\",\"212106173\"]");

        // Crossing the EU threshold, it becomes an appel d'offres at publication.
        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        assertThat(json.readTree(publiee.body()).get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recensementId").is(recensement)),
                "consultations")).isEqualTo(1);
    }

    @Test
    void warnsOfFractionnementWhenTheFamilysPlannedNeedsCrossAThreshold() throws Exception {
        int annee = 2026;
        HttpResponse<String> prevue = client.envoyer("POST", "/api/marche/plans/" + annee + "/procedures",
                JetonsDeTest.acheteur(), """
                        {"objet":"Postes de travail","familleAchat":"INFORMATIQUE_TELECOMS","nature":"FOURNITURES",
                         "valeurEstimee":180000,"trimestre":4,"membres":["212102313"]}""");
        assertThat(prevue.statusCode()).as(prevue.body()).isEqualTo(201);
        String procedure = json.readTree(prevue.body()).get("id").asString();

        // An agent proposes a need for its own body, which the acheteur accepts into the planned procedure.
        HttpResponse<String> propose = client.envoyer("POST", "/api/marche/plans/" + annee + "/besoins",
                JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT), """
                        {"siren":"212106173","objet":"Tablettes des écoles","familleAchat":"INFORMATIQUE_TELECOMS",
                         "valeurEstimee":20000}""");
        assertThat(propose.statusCode()).as(propose.body()).isEqualTo(201);
        assertThat(client.envoyer("POST", "/api/marche/plans/" + annee + "/besoins", JetonsDeTest.agent(
                JetonsDeTest.SIREN_TALANT), """
                        {"siren":"212102313","objet":"Écrans","familleAchat":"INFORMATIQUE_TELECOMS","valeurEstimee":1000}""")
                .statusCode()).isEqualTo(403);
        String besoin = json.readTree(propose.body()).get("id").asString();
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/plans/" + annee + "/besoins",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), null).body()).get("elements")).isEmpty();
        HttpResponse<String> accepte = client.envoyer("POST", "/api/marche/plans/" + annee + "/besoins/" + besoin
                + "/acceptation", JetonsDeTest.acheteur(), "{\"procedureId\":\"" + procedure + "\"}");
        assertThat(accepte.statusCode()).as(accepte.body()).isEqualTo(200);
        JsonNode plan = json.readTree(client.envoyer("GET", "/api/marche/plans/" + annee, JetonsDeTest.acheteur(), null)
                .body());
        assertThat(plan.get("procedures").get(0).get("valeurEstimee").decimalValue()).isEqualByComparingTo("200000");
        assertThat(plan.get("procedures").get(0).get("membres").toString()).contains("212106173");
        assertThat(plan.get("synthese").get(0).get("trimestre").asInt()).isEqualTo(4);
        assertThat(plan.get("synthese").get(0).get("prevu").decimalValue()).isEqualByComparingTo("200000");

        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), """
                {"objet":"Écrans","nature":"FOURNITURES","cpvPrincipal":"30192000-1","familleAchat":"INFORMATIQUE_TELECOMS",
                 "lots":[{"numero":1,"intitule":"Écrans","montantEstime":50000}],
                 "criteres":[{"libelle":"Prix","ponderation":100,"type":"PRIX"}],
                 "dlro":"%s","beneficiaires":["212102313"],"delaiReduit":"NONE"}"""
                .formatted(ScenarioConsultations.DLRO_LEGALE));
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        String id = json.readTree(creee.body()).get("id").asString();
        JsonNode controle = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/fractionnement",
                JetonsDeTest.acheteur(), null).body());
        assertThat(controle.get("risque").asBoolean()).isTrue();
        assertThat(controle.get("seuilFranchi").asString()).isEqualTo("EUROPEEN");
        assertThat(controle.get("cumul").decimalValue()).isEqualByComparingTo("250000");
        assertThat(controle.get("comptees").get(0).get("reference").asString()).isEqualTo("plan:" + procedure);

        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        assertThat(json.readTree(publiee.body()).get("avertissements").toString())
                .contains("Risque de fractionnement").contains("seuil européen");
        // The plan's event left through the outbox.
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.findById(String.valueOf(annee), Document.class,
                "plans_annuels").getList("outbox", Object.class, List.of()).isEmpty());
    }

    private static GroupementV1 etat(String id, String statut, long sequence, boolean dijonApprouve,
            boolean quetignyApprouve) {
        return new GroupementV1(id, "Balayage des voiries", JetonsDeTest.SIREN_DIJON, "Dijon",
                "PASSATION_ET_EXECUTION", statut, List.of(
                new GroupementV1.MembreGroupementV1(JetonsDeTest.SIREN_DIJON, "Dijon", "COMMUNE",
                        LocalDate.of(2026, 11, 2), dijonApprouve ? "D-2026-12" : null,
                        dijonApprouve ? LocalDate.of(2026, 11, 10) : null),
                new GroupementV1.MembreGroupementV1(QUETIGNY, "Quetigny", "EPCI_PARTENAIRE",
                        LocalDate.of(2026, 11, 2), quetignyApprouve ? "D-2026-77" : null,
                        quetignyApprouve ? LocalDate.of(2026, 11, 20) : null)),
                "CONSTITUE".equals(statut) ? LocalDate.of(2026, 11, 20) : null, sequence);
    }

    private <T> void produire(TypeEvenement<T> type, String cle, String evenementId, T donnees) throws Exception {
        try (var producteur = new KafkaProducer<String, CloudEvent>(Map.of("bootstrap.servers",
                InfrastructureDeTest.kafka().bootstrapServers()), new StringSerializer(), new CloudEventSerializer())) {
            producteur.send(new ProducerRecord<>(type.topic().nom(), cle, CloudEventBuilder.v1().withId(evenementId)
                    .withSource(URI.create(type.topic().source())).withType(type.ceType()).withSubject(cle)
                    .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataSchema(URI.create(type.dataSchema()))
                    .withDataContentType("application/json").withData(json.writeValueAsBytes(donnees)).build())).get();
        }
    }

    private HttpResponse<String> deposer(String consultation) throws Exception {
        return client.deposerPli(JetonsDeTest.fournisseur(), consultation, 1, "{\"prixHt\":76000}",
                Map.of("offre.pdf", "%PDF-1.7\noffre\n%%EOF\n".getBytes(StandardCharsets.UTF_8)));
    }

    private String statut(String id) throws Exception {
        return json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(),
                null).body())
                .get("statut").asString();
    }
}
