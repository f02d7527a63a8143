package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.contracts.adhesion.AdhesionRepriseV1;
import fr.centraleachat.contracts.adhesion.AdhesionSuspendueV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.HorlogeReglable;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.springframework.data.mongodb.core.MongoTemplate;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consultation scenario over HTTP with real tokens, a real broker and a Mongo-compatible store. Subclasses
 * provide the infrastructure (embedded, or containers where Docker exists).
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
abstract class ScenarioConsultations {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday: every DLRO below is counted from this publication date. */
    static final Instant PUBLICATION = LocalDateTime.parse("2026-12-01T10:00").atZone(PARIS).toInstant();
    static final String DLRO_LEGALE = "2027-01-15T12:00:00+01:00";
    static final String TOPIC = "centrale.marche.v1";


    static final String DLT = "centrale.marche-service.dlt";
    /** Time of the adhesion events that make Dijon and Talant active members for every test. */
    static final Instant ACTIVATION_DES_MEMBRES = Instant.parse("2026-11-01T08:00:00Z");

    private static KafkaProducer<String, CloudEvent> producteur;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HorlogeReglable horloge;

    private final ClientHttpDeTest client = new ClientHttpDeTest(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    abstract String bootstrapServers();

    @BeforeEach
    void remettreLHorloge() {
        horloge.regler(PUBLICATION);
    }

    /**
     * The beneficiaries of the consultations below are active members, as the adhesion service announces them:
     * the same events each time (same ids), so only the first delivery has an effect.
     */
    @BeforeEach
    void membresActifs() throws Exception {
        for (String siren : List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT)) {
            produire(Evenements.ADHESION_ACTIVEE, "adhesion-" + siren, "it-activation-" + siren, ACTIVATION_DES_MEMBRES,
                    activee("adhesion-" + siren, siren));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statutMembre(JetonsDeTest.SIREN_DIJON).equals("ACTIVE")
                && statutMembre(JetonsDeTest.SIREN_TALANT).equals("ACTIVE"));
    }

    @AfterAll
    static void fermerProducteur() {
        if (producteur != null) {
            producteur.close();
            producteur = null;
        }
    }

    @Test
    void publishesAConsultationAndAnnouncesItOnTheMarcheTopic() throws Exception {
        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
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

        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", "publication-" + id);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        JsonNode vue = json.readTree(publiee.body());
        assertThat(vue.get("statut").asString()).isEqualTo("PUBLIEE");
        assertThat(vue.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(vue.get("datePublication").asString()).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThat(vue.get("avertissements").isArray()).isTrue();
        // An appel d'offres ouvert: its notice goes to the EU journal, not under the MAPA BOAMP/JAL rule.
        assertThat(vue.get("publiciteBoampOuJalRequise").asBoolean()).isFalse();
        assertThat(vue.get("version").asLong()).isEqualTo(1);

        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationPubliee.v1");
        assertThat(entete(evenement, "ce_subject")).isEqualTo(id);
        assertThat(entete(evenement, "ce_id")).isNotBlank();
        assertThat(entete(evenement, "ce_correlationid")).isEqualTo("publication-" + id);
        JsonNode donnees = json.readTree(new String(evenement.value(), StandardCharsets.UTF_8));
        assertThat(donnees.get("consultationId").asString()).isEqualTo(id);
        assertThat(donnees.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(donnees.get("cpvPrincipal").asString()).isEqualTo("30192000-1");
        assertThat(donnees.get("familleAchat").asString()).isEqualTo("FOURNITURES_ADMINISTRATIVES");
        assertThat(donnees.get("lots")).hasSize(2);
        assertThat(donnees.get("criteres").get(0).get("type").asString()).isEqualTo("PRIX");
        assertThat(donnees.get("beneficiaires").get(1).asString()).isEqualTo(JetonsDeTest.SIREN_TALANT);
        assertThat(donnees.get("publiciteBoampOuJalRequise").isBoolean()).isTrue();
        assertThat(Instant.parse(donnees.get("dlro").asString()))
                .isEqualTo(Instant.parse("2027-01-15T11:00:00Z"));

        // Once published it is public: an agent and a supplier read it.
        HttpResponse<String> parAgent = client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT), null, null);
        assertThat(parAgent.statusCode()).as(parAgent.body()).isEqualTo(200);
        assertThat(json.readTree(parAgent.body()).get("avertissements").size()).isZero();
        HttpResponse<String> liste = client.envoyer("GET", "/api/marche/consultations?statut=PUBLIEE&taille=200",
                JetonsDeTest.fournisseur(), null, null);
        assertThat(liste.statusCode()).isEqualTo(200);
        assertThat(liste.body()).contains(id);
    }

    @Test
    void showsThatAMapaAboveThePublicityThresholdNeedsABoampOrJalNotice() throws Exception {
        // 95 000 € HT of supplies: a MAPA from 90 000 €, so a notice in the BOAMP or a JAL.
        String corps = consultation("30192000-1", 60, 40, "2026-12-22T12:00:00+01:00")
                .replace("150000", "60000").replace("100000", "35000");
        HttpResponse<String> creee = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                corps, null);
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        String id = json.readTree(creee.body()).get("id").asString();
        assertThat(json.readTree(creee.body()).get("publiciteBoampOuJalRequise").isNull()).isTrue();

        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", null);

        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
        assertThat(json.readTree(publiee.body()).get("procedure").asString()).isEqualTo("MAPA");
        assertThat(json.readTree(publiee.body()).get("publiciteBoampOuJalRequise").asBoolean()).isTrue();
        HttpResponse<String> relue = client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.fournisseur(), null, null);
        assertThat(json.readTree(relue.body()).get("publiciteBoampOuJalRequise").asBoolean()).isTrue();
        JsonNode donnees = json.readTree(new String(
                attendreEvenement(id, "fr.centraleachat.marche.ConsultationPubliee.v1").value(), StandardCharsets.UTF_8));
        assertThat(donnees.get("publiciteBoampOuJalRequise").asBoolean()).isTrue();
    }

    @Test
    void refusesToPublishForBeneficiariesWithoutAnActiveAdhesionNamingEachSiren() throws Exception {
        String inconnu = nouveauSiren();
        String suspendu = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, "adhesion-" + suspendu, UUID.randomUUID().toString(), Instant.now(),
                activee("adhesion-" + suspendu, suspendu));
        produire(Evenements.ADHESION_SUSPENDUE, "adhesion-" + suspendu, UUID.randomUUID().toString(),
                Instant.now().plusSeconds(1), new AdhesionSuspendueV1("adhesion-" + suspendu, suspendu,
                        java.time.LocalDate.of(2026, 11, 20), "Convention à revoir"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statutMembre(suspendu).equals("SUSPENDUE"));
        String id = creerPour(List.of(JetonsDeTest.SIREN_DIJON, inconnu, suspendu));

        HttpResponse<String> refus = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", null);

        assertChamp(refus, "beneficiaires", inconnu + " (aucune adhésion active connue à la centrale)");
        assertChamp(refus, "beneficiaires", suspendu + " (adhésion suspendue)");
        assertThat(json.readTree(refus.body()).get("detail").asString()).contains(inconnu, suspendu)
                .doesNotContain(JetonsDeTest.SIREN_DIJON);
        assertThat(statut(id)).isEqualTo("BROUILLON");

        // Once the adhesion service announces the member active, publication goes through.
        produire(Evenements.ADHESION_ACTIVEE, "adhesion-" + inconnu, UUID.randomUUID().toString(), Instant.now(),
                activee("adhesion-" + inconnu, inconnu));
        produire(Evenements.ADHESION_REPRISE, "adhesion-" + suspendu, UUID.randomUUID().toString(),
                Instant.now().plusSeconds(2), new AdhesionRepriseV1("adhesion-" + suspendu, suspendu,
                        java.time.LocalDate.of(2026, 11, 25)));
        await().atMost(Duration.ofSeconds(30)).until(() -> statutMembre(inconnu).equals("ACTIVE")
                && statutMembre(suspendu).equals("ACTIVE"));
        HttpResponse<String> publiee = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", null);
        assertThat(publiee.statusCode()).as(publiee.body()).isEqualTo(200);
    }

    @Test
    void sendsUnreadableAdhesionEventsToItsDeadLetterTopicAndGoesOn() throws Exception {
        String cleIllisible = "poison-" + UUID.randomUUID();
        try (var brut = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            brut.send(new ProducerRecord<>(Topic.ADHESION.nom(), cleIllisible,
                    "ceci n'est pas un CloudEvent".getBytes(StandardCharsets.UTF_8))).get();
        }
        String siren = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, cleIllisible, UUID.randomUUID().toString(), Instant.now(),
                activee(cleIllisible, siren));

        await().atMost(Duration.ofSeconds(30)).until(() -> statutMembre(siren).equals("ACTIVE"));
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(DLT));
            List<String> cles = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consommateur.poll(Duration.ofMillis(300)).forEach(r -> cles.add(r.key()));
                return cles.contains(cleIllisible);
            });
        }
    }

    @Test
    void keepsADraftDeclaredSansSuitePrivate() throws Exception {
        String id = creer(DLRO_LEGALE);

        HttpResponse<String> sansSuite = client.envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite",
                JetonsDeTest.acheteur(), "{\"raison\":\"Besoin abandonné avant publication\"}", null);

        assertThat(sansSuite.statusCode()).as(sansSuite.body()).isEqualTo(200);
        for (String lecteur : List.of(JetonsDeTest.fournisseur(), JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                JetonsDeTest.client("systeme-externe", "data:read"))) {
            assertThat(client.envoyer("GET", "/api/marche/consultations/" + id, lecteur, null,
                    null).statusCode()).isEqualTo(404);
            assertThat(client.envoyer("GET", "/api/marche/consultations?statut=SANS_SUITE&taille=200", lecteur, null,
                    null)
                    .body()).doesNotContain(id);
        }
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(), null,
                null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void deletesADraftOnlyAndOnlyForAnAcheteur() throws Exception {
        String brouillon = creer(DLRO_LEGALE);
        String publiee = creer(DLRO_LEGALE);
        client.envoyer("POST", "/api/marche/consultations/" + publiee + "/publication", JetonsDeTest.acheteur(), "",
                null);

        assertThat(client.envoyer("DELETE", "/api/marche/consultations/" + brouillon,
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                null, null).statusCode()).isEqualTo(403);
        HttpResponse<String> supprime = client.envoyer("DELETE", "/api/marche/consultations/" + brouillon,
                JetonsDeTest.acheteur(), null, null);
        assertThat(supprime.statusCode()).as(supprime.body()).isEqualTo(204);
        assertThat(supprime.body()).isEmpty();
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + brouillon, JetonsDeTest.acheteur(), null, null)
                .statusCode()).isEqualTo(404);
        assertThat(client.envoyer("DELETE", "/api/marche/consultations/" + brouillon, JetonsDeTest.acheteur(), null,
                null)
                .statusCode()).isEqualTo(404);

        HttpResponse<String> refus = client.envoyer("DELETE", "/api/marche/consultations/" + publiee,
                JetonsDeTest.acheteur(),
                null, null);
        assertThat(refus.statusCode()).as(refus.body()).isEqualTo(409);
        assertThat(json.readTree(refus.body()).get("detail").asString())
                .isEqualTo("Impossible de supprimer la consultation : l'état actuel est PUBLIEE.");
        assertThat(statut(publiee)).isEqualTo("PUBLIEE");
    }

    @Test
    void pagesTheListOnAStableOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            creer(DLRO_LEGALE);
        }
        JsonNode premiere = json.readTree(client.envoyer("GET",
                "/api/marche/consultations?statut=BROUILLON&taille=2&page=0",
                JetonsDeTest.acheteur(), null, null).body());
        JsonNode seconde = json.readTree(client.envoyer("GET",
                "/api/marche/consultations?statut=BROUILLON&taille=2&page=1",
                JetonsDeTest.acheteur(), null, null).body());

        assertThat(premiere.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(premiere.get("elements")).hasSize(2);
        assertThat(premiere.get("page").asInt()).isZero();
        List<String> ids = new ArrayList<>(premiere.findValuesAsString("id"));
        ids.addAll(seconde.get("elements").findValuesAsString("id"));
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(client.envoyer("GET", "/api/marche/consultations?taille=0", JetonsDeTest.acheteur(), null,
                null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesToPublishTwice() throws Exception {
        String id = creer(DLRO_LEGALE);
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(),
                "",
                null).statusCode()).isEqualTo(200);

        HttpResponse<String> encore = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", null);
        assertThat(encore.statusCode()).as(encore.body()).isEqualTo(409);
        assertThat(json.readTree(encore.body()).get("etatActuel").asString()).isEqualTo("PUBLIEE");

        HttpResponse<String> modification = client.envoyer("PUT", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(),
                consultation("30192000-1", 70, 30, DLRO_LEGALE), null);
        assertThat(modification.statusCode()).as(modification.body()).isEqualTo(409);
    }

    @Test
    void refusesADlroUnderTheLegalMinimumWithTheEarliestDate() throws Exception {
        String id = creer("2026-12-18T12:00:00+01:00");

        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), "", null);

        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(400);
        JsonNode erreur = json.readTree(publication.body()).get("erreurs").get(0);
        assertThat(erreur.get("champ").asString()).isEqualTo("dlro");
        assertThat(erreur.get("message").asString()).contains("minimum légal de 30 jours").contains("31/12/2026");
        assertThat(statut(id)).isEqualTo("BROUILLON");
    }

    @Test
    void modifiesADraftAndKeepsItHiddenFromAgents() throws Exception {
        String id = creer(DLRO_LEGALE);

        HttpResponse<String> modifiee = client.envoyer("PUT", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(),
                consultation("30192000-1", 70, 30, DLRO_LEGALE).replace("Fournitures de bureau 2027", "Papeterie 2027"),
                null);
        assertThat(modifiee.statusCode()).as(modifiee.body()).isEqualTo(200);
        JsonNode vue = json.readTree(modifiee.body());
        assertThat(vue.get("objet").asString()).isEqualTo("Papeterie 2027");
        assertThat(vue.get("criteres").get(0).get("ponderation").asInt()).isEqualTo(70);
        assertThat(vue.get("version").asLong()).isEqualTo(1);

        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON),
                null, null).statusCode()).isEqualTo(404);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.fournisseur(), null, null)
                .statusCode()).isEqualTo(404);
        assertThat(client.envoyer("GET", "/api/marche/consultations?statut=BROUILLON&taille=200",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), null, null).body()).doesNotContain(id);
        assertThat(client.envoyer("GET", "/api/marche/consultations?statut=BROUILLON&taille=200",
                JetonsDeTest.admin(), null, null)
                .body()).contains(id);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.jeton("sans-role", List.of(), null, null), null, null).statusCode()).isEqualTo(403);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.client("systeme-externe", "data:read"), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesCallersWhoAreNotAcheteurs() throws Exception {
        assertThat(client.envoyer("POST", "/api/marche/consultations", null,
                consultation("30192000-1", 60, 40, DLRO_LEGALE), null).statusCode()).isEqualTo(401);

        HttpResponse<String> parAgent = client.envoyer("POST", "/api/marche/consultations",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), consultation("30192000-1", 60, 40, DLRO_LEGALE), null);
        assertThat(parAgent.statusCode()).as(parAgent.body()).isEqualTo(403);
        assertThat(parAgent.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.fournisseur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE), null).statusCode()).isEqualTo(403);

        String id = creer(DLRO_LEGALE);
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), "", null).statusCode()).isEqualTo(403);
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.admin(),
                "{\"raison\":\"x\"}", null).statusCode()).isEqualTo(403);
        assertThat(statut(id)).isEqualTo("BROUILLON");
    }

    @Test
    void rejectsInvalidBodiesWithPerFieldFrenchMessages() throws Exception {
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 30, DLRO_LEGALE), null), "criteres", "égale à 100 (actuellement 90)");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-2", 60, 40, DLRO_LEGALE), null), "cpvPrincipal", "clé de contrôle");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("30197630-1", "30197630-9"), null),
                "lots[0].cpv", "clé de contrôle");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("212106173", "212106174"), null),
                "beneficiaires[1]", "SIREN");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("\"FOURNITURES\"", "\"MEUBLES\""), null),
                "nature", "valeurs acceptées : FOURNITURES, SERVICES, TRAVAUX");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("150000", "-5"), null),
                "lots[0].montantEstime", "négatif");
        assertChamp(client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, "2027-01-15T12:00:00"), null), "dlro", "décalage horaire");

        HttpResponse<String> vide = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), "{}",
                null);
        assertThat(vide.statusCode()).isEqualTo(400);
        assertThat(champs(vide)).contains("objet", "nature", "cpvPrincipal", "familleAchat", "lots", "criteres", "dlro", "beneficiaires");

        HttpResponse<String> malforme = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                "{\"objet\": \"Fournitures\",", null);
        assertThat(malforme.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malforme.body()).get("detail").asString()).contains("JSON");

        assertChamp(client.envoyer("GET", "/api/marche/consultations/pas-un-uuid", JetonsDeTest.acheteur(), null, null),
                "id", "invalide");
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + UUID.randomUUID(), JetonsDeTest.acheteur(),
                null, null)
                .statusCode()).isEqualTo(404);
        assertChamp(client.envoyer("GET", "/api/marche/consultations?statut=OUVERTE", JetonsDeTest.acheteur(), null,
                null),
                "statut", "valeurs acceptées : BROUILLON, PUBLIEE");
        String id = creer(DLRO_LEGALE);
        assertChamp(client.envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.acheteur(),
                "{\"raison\":\"  \"}", null), "raison", "obligatoire");
    }

    @Test
    void closesAutomaticallyOnceTheDlroHasPassedThenOpensTheBids() throws Exception {
        String id = creer(DLRO_LEGALE);
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(),
                "",
                null).statusCode()).isEqualTo(200);

        HttpResponse<String> tropTot = client.envoyer("POST", "/api/marche/consultations/" + id + "/cloture",
                JetonsDeTest.acheteur(), "", null);
        assertChamp(tropTot, "dlro", "qu'après la date limite");
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur(),
                "", null).statusCode()).isEqualTo(409);

        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statut(id)).isEqualTo("CLOTUREE"));

        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationCloturee.v1");
        assertThat(entete(evenement, "ce_subject")).isEqualTo(id);
        assertThat(entete(evenement, "ce_correlationid")).startsWith("cloture-");
        JsonNode donnees = json.readTree(new String(evenement.value(), StandardCharsets.UTF_8));
        assertThat(Instant.parse(donnees.get("dateCloture").asString())).isEqualTo(Instant.parse("2027-01-15T11:00:01Z"));

        HttpResponse<String> plis = client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur(), "", null);
        assertThat(plis.statusCode()).as(plis.body()).isEqualTo(200);
        assertThat(json.readTree(plis.body()).get("statut").asString()).isEqualTo("EN_ANALYSE");
    }

    @Test
    void declaresSansSuiteWithItsReasonAndAnnouncesIt() throws Exception {
        String id = creer(DLRO_LEGALE);
        client.envoyer("POST", "/api/marche/consultations/" + id + "/publication", JetonsDeTest.acheteur(), "", null);

        HttpResponse<String> sansSuite = client.envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite",
                JetonsDeTest.acheteur(), "{\"raison\":\"Besoin disparu\"}", null);

        assertThat(sansSuite.statusCode()).as(sansSuite.body()).isEqualTo(200);
        JsonNode vue = json.readTree(sansSuite.body());
        assertThat(vue.get("statut").asString()).isEqualTo("SANS_SUITE");
        assertThat(vue.get("raisonSansSuite").asString()).isEqualTo("Besoin disparu");
        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id, "fr.centraleachat.marche.ConsultationSansSuite.v1");
        assertThat(json.readTree(new String(evenement.value(), StandardCharsets.UTF_8)).get("raison").asString())
                .isEqualTo("Besoin disparu");
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/sans-suite", JetonsDeTest.acheteur(),
                "{\"raison\":\"Encore\"}", null).statusCode()).isEqualTo(409);
    }

    @Test
    void answersTheProcedureAndTheEarliestLawfulDlro() throws Exception {
        HttpResponse<String> procedure = client.envoyer("GET",
                "/api/marche/reglementation/procedure?nature=FOURNITURES&valeurEstimee=250000&date=2027-01-10",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), null, null);
        assertThat(procedure.statusCode()).as(procedure.body()).isEqualTo(200);
        JsonNode vue = json.readTree(procedure.body());
        assertThat(vue.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(vue.get("seuils").get("europeen").decimalValue()).isEqualByComparingTo("216000");
        assertThat(vue.get("seuils").get("dispense").decimalValue()).isEqualByComparingTo("60000");

        HttpResponse<String> dlro = client.envoyer("GET",
                "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT"
                + "&publication=2026-12-13T10:00:00Z&delaiReduit=NONE", JetonsDeTest.fournisseur(), null, null);
        assertThat(dlro.statusCode()).as(dlro.body()).isEqualTo(200);
        assertThat(json.readTree(dlro.body()).get("premiereDlro").asString()).isEqualTo("2027-01-12");

        assertChamp(client.envoyer("GET", "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT"
                + "&publication=demain", JetonsDeTest.acheteur(), null, null), "publication", "invalide");
        assertChamp(client.envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=-1",
                JetonsDeTest.acheteur(), null, null), "valeurEstimee", "négatif");
        assertChamp(client.envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=abc",
                JetonsDeTest.acheteur(), null, null), "valeurEstimee", "type incorrect");
        assertChamp(client.envoyer("GET", "/api/marche/reglementation/procedure?valeurEstimee=10",
                JetonsDeTest.acheteur(), null, null), "nature", "obligatoire");
        assertThat(client.envoyer("GET", "/api/marche/reglementation/procedure?nature=TRAVAUX&valeurEstimee=1", null,
                null,
                null).statusCode()).isEqualTo(401);
    }

    @Test
    void documentsTheApiInOpenApiWithoutAToken() throws Exception {
        HttpResponse<String> documentation = client.envoyer("GET", "/v3/api-docs", null, null, null);

        assertThat(documentation.statusCode()).isEqualTo(200);
        JsonNode chemins = json.readTree(documentation.body()).get("paths");
        assertThat(chemins.has("/api/marche/consultations/{id}/publication")).isTrue();
        assertThat(chemins.has("/api/marche/reglementation/premiere-dlro")).isTrue();
        JsonNode creation = chemins.get("/api/marche/consultations").get("post").get("responses");
        assertThat(creation.has("201")).isTrue();
        assertThat(creation.get("201").get("headers").has("Location")).isTrue();
        assertThat(creation.has("200")).isFalse();
        JsonNode suppression = chemins.get("/api/marche/consultations/{id}").get("delete").get("responses");
        assertThat(suppression.has("204")).isTrue();
        assertThat(chemins.get("/api/marche/consultations").get("get").get("responses").has("200")).isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String creer(String dlro) throws Exception {
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, dlro), null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private String creerPour(List<String> beneficiaires) throws Exception {
        String liste = String.join("\",\"", beneficiaires);
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                consultation("30192000-1", 60, 40, DLRO_LEGALE).replace("\"212102313\",\"212106173\"", "\"" + liste + "\""),
                null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private String statutMembre(String siren) {
        Document membre = mongo.findById(siren, Document.class, "membres");
        return membre == null ? "" : String.valueOf(membre.getString("statut"));
    }

    private static AdhesionActiveeV1 activee(String adhesionId, String siren) {
        return new AdhesionActiveeV1(adhesionId, siren, "Membre " + siren, "COMMUNE", List.of("FOURNITURES_ADMINISTRATIVES"),
                "PASSATION_ET_EXECUTION", "D-2026-42", java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 11, 1));
    }

    private <T> void produire(TypeEvenement<T> type, String cle, String evenementId, Instant date, T donnees)
            throws Exception {
        CloudEvent evenement = CloudEventBuilder.v1().withId(evenementId)
                .withSource(URI.create(type.topic().source())).withType(type.ceType()).withSubject(cle)
                .withTime(date.atOffset(ZoneOffset.UTC)).withDataSchema(URI.create(type.dataSchema()))
                .withDataContentType("application/json").withData(json.writeValueAsBytes(donnees)).build();
        producteur().send(new ProducerRecord<>(type.topic().nom(), cle, evenement)).get();
    }

    private synchronized KafkaProducer<String, CloudEvent> producteur() {
        if (producteur == null) {
            producteur = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers(), "linger.ms", 0),
                    new StringSerializer(), new CloudEventSerializer());
        }
        return producteur;
    }

    /** A fresh valid SIREN (Luhn), so that tests sharing one store never meet. */
    private static String nouveauSiren() {
        String debut = String.format("21%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        for (int cle = 0; cle < 10; cle++) {
            if (Siren.estValide(debut + cle)) {
                return debut + cle;
            }
        }
        throw new IllegalStateException("no Luhn digit for " + debut);
    }

    private String statut(String id) throws Exception {
        HttpResponse<String> reponse = client.envoyer("GET", "/api/marche/consultations/" + id,
                JetonsDeTest.acheteur(), null, null);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return json.readTree(reponse.body()).get("statut").asString();
    }

    static String consultation(String cpv, int poidsPrix, int poidsTechnique, String dlro) {
        return """
                {"objet":"Fournitures de bureau 2027","nature":"FOURNITURES","cpvPrincipal":"%s","familleAchat":"FOURNITURES_ADMINISTRATIVES",
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
