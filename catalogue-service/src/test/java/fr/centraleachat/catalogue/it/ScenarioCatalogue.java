package fr.centraleachat.catalogue.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.catalogue.CatalogueApplication;
import fr.centraleachat.catalogue.commande.application.ServiceCommandes;
import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.recherche.application.MiseAJourIndex;
import fr.centraleachat.catalogue.tarif.application.Tarifs;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.Topic;
import fr.centraleachat.contracts.marche.AvenantConcluV1;
import fr.centraleachat.contracts.marche.MarcheResilieV1;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.contracts.adhesion.AdhesionRepriseV1;
import fr.centraleachat.contracts.adhesion.AdhesionResilieeV1;
import fr.centraleachat.contracts.adhesion.AdhesionSuspendueV1;
import fr.centraleachat.contracts.marche.ConsultationClotureeV1;
import fr.centraleachat.contracts.marche.ConsultationPublieeV1;
import fr.centraleachat.contracts.marche.ConsultationSansSuiteV1;
import fr.centraleachat.contracts.marche.MarcheNotifieV1;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.test.JetonsDeTest;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue's read side end to end: events produced on the real topics as the other services produce them
 * (binary CloudEvents keyed by aggregate id), then the HTTP API with real tokens. Subclasses provide the broker
 * and the store.
 */
@SpringBootTest(classes = CatalogueApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
abstract class ScenarioCatalogue {

    static final String DLT = "centrale.catalogue-service.dlt";
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

    private static KafkaProducer<String, CloudEvent> producteur;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Tarifs tarifsStockes;

    @Autowired
    MiseAJourIndex miseAJour;

    @Autowired
    ServiceCommandes commandes;

    @Autowired
    Contrats contratsStockes;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The broker the service under test consumes from. */
    abstract String bootstrapServers();

    @AfterAll
    static void fermerProducteur() {
        if (producteur != null) {
            producteur.close();
            producteur = null;
        }
    }

    // ---------------------------------------------------------------- membres

    @Test
    void activatedMemberIsListedForStaffAndOnlyItsOwnEntryForItsAgent() throws Exception {
        String siren = nouveauSiren();
        String adhesionId = UUID.randomUUID().toString();
        ObjectNode donnees = json.valueToTree(activee(adhesionId, siren, "Commune de test " + siren));
        donnees.put("champAjouteDansUneVersionFuture", "toléré");
        produire(Evenements.ADHESION_ACTIVEE, adhesionId, UUID.randomUUID().toString(), T0, json.writeValueAsBytes(donnees));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/catalogue/membres-actifs/" + siren, JetonsDeTest.acheteur()).statusCode()).isEqualTo(200));

        JsonNode liste = json.readTree(get("/api/catalogue/membres-actifs?taille=200", JetonsDeTest.admin()).body());
        JsonNode entree = trouver(liste.get("elements"), "siren", siren);
        assertThat(entree).as(liste.toString()).isNotNull();
        assertThat(entree.get("nom").asString()).isEqualTo("Commune de test " + siren);
        assertThat(entree.get("typeMembre").asString()).isEqualTo("COMMUNE");
        assertThat(entree.get("famillesAchat").get(1).asString()).isEqualTo("FOURNITURES_ADMINISTRATIVES");
        assertThat(entree.get("missions").asString()).isEqualTo("PASSATION_ET_EXECUTION");
        assertThat(entree.get("dateEffet").asString()).isEqualTo("2026-11-01");
        assertThat(entree.has("evenementsAppliques")).isFalse();

        String jetonAgent = JetonsDeTest.agent(siren);
        JsonNode vueAgent = json.readTree(get("/api/catalogue/membres-actifs?taille=200", jetonAgent).body());
        assertThat(vueAgent.get("total").asLong()).isEqualTo(1);
        assertThat(vueAgent.get("elements").get(0).get("siren").asString()).isEqualTo(siren);
        assertThat(get("/api/catalogue/membres-actifs/" + siren, jetonAgent).statusCode()).isEqualTo(200);

        HttpResponse<String> autreMembre = get("/api/catalogue/membres-actifs/" + siren,
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON));
        assertThat(autreMembre.statusCode()).isEqualTo(404);
        assertThat(autreMembre.body()).doesNotContain("Commune de test");
        assertThat(json.readTree(get("/api/catalogue/membres-actifs?taille=200", JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)).body())
                .findValuesAsString("siren")).doesNotContain(siren);

        // Another information system reads with a client-credentials token: the data:read scope, not a role.
        assertThat(json.readTree(get("/api/catalogue/membres-actifs?taille=200",
                JetonsDeTest.client("systeme-externe", "data:read")).body()).findValuesAsString("siren")).contains(siren);
        assertThat(get("/api/catalogue/membres-actifs?taille=200", JetonsDeTest.client("systeme-evenements", "events:read"))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> fournisseur = get("/api/catalogue/membres-actifs?taille=200", JetonsDeTest.fournisseur());
        assertThat(fournisseur.statusCode()).isEqualTo(403);
        assertThat(fournisseur.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
    }

    @Test
    void memberStatusFollowsEventTimeAndEachEventIsAppliedOnce() throws Exception {
        String siren = nouveauSiren();
        String adhesionId = UUID.randomUUID().toString();
        String suspensionId = UUID.randomUUID().toString();
        produire(Evenements.ADHESION_ACTIVEE, adhesionId, UUID.randomUUID().toString(), T0,
                activee(adhesionId, siren, "Membre suivi " + siren));
        produire(Evenements.ADHESION_SUSPENDUE, adhesionId, suspensionId, T0.plusSeconds(20),
                new AdhesionSuspendueV1(adhesionId, siren, LocalDate.of(2026, 12, 1), "Convention non renouvelée"));
        await().atMost(Duration.ofSeconds(30)).until(() -> statut(siren, "membres").equals("SUSPENDUE"));
        assertThat(get("/api/catalogue/membres-actifs/" + siren, JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);

        // A reprise dated before the suspension arrives late: it must not undo it.
        produire(Evenements.ADHESION_REPRISE, adhesionId, UUID.randomUUID().toString(), T0.plusSeconds(10),
                new AdhesionRepriseV1(adhesionId, siren, LocalDate.of(2026, 11, 15)));
        attendreTraitementDesEvenementsAdhesionDeCle(adhesionId);
        assertThat(statut(siren, "membres")).isEqualTo("SUSPENDUE");

        produire(Evenements.ADHESION_REPRISE, adhesionId, UUID.randomUUID().toString(), T0.plusSeconds(30),
                new AdhesionRepriseV1(adhesionId, siren, LocalDate.of(2026, 12, 15)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/catalogue/membres-actifs/" + siren, JetonsDeTest.acheteur()).statusCode()).isEqualTo(200));

        // The suspension delivered again (same event id), even stamped later, has no second effect.
        produire(Evenements.ADHESION_SUSPENDUE, adhesionId, suspensionId, T0.plusSeconds(40),
                new AdhesionSuspendueV1(adhesionId, siren, LocalDate.of(2026, 12, 1), "Convention non renouvelée"));
        attendreTraitementDesEvenementsAdhesionDeCle(adhesionId);
        assertThat(statut(siren, "membres")).isEqualTo("ACTIVE");
        assertThat(mongo.findById(siren, Document.class, "membres").getList("evenementsAppliques", String.class))
                .containsOnlyOnce(suspensionId).hasSize(3);

        produire(Evenements.ADHESION_RESILIEE, adhesionId, UUID.randomUUID().toString(), T0.plusSeconds(50),
                new AdhesionResilieeV1(adhesionId, siren, LocalDate.of(2027, 1, 1), "Retrait du membre"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statut(siren, "membres").equals("RESILIEE"));
        assertThat(get("/api/catalogue/membres-actifs/" + siren, JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);
        assertThat(json.readTree(get("/api/catalogue/membres-actifs?taille=200", JetonsDeTest.acheteur()).body())
                .findValuesAsString("siren")).doesNotContain(siren);
    }

    // ---------------------------------------------------------------- consultations

    @Test
    void publishedConsultationIsVisibleWithinASecondFilteredOrderedAndLeavesWhenClosed() throws Exception {
        // Warm-up: the consumer must own its partitions before latency means anything.
        String echauffement = UUID.randomUUID().toString();
        produire(Evenements.CONSULTATION_PUBLIEE, echauffement, UUID.randomUUID().toString(), Instant.now(),
                publiee(echauffement, "Échauffement", T0.plus(90, ChronoUnit.DAYS), List.of(JetonsDeTest.SIREN_TALANT)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/catalogue/consultations-ouvertes/" + echauffement, JetonsDeTest.fournisseur()).statusCode() == 200);

        String tot = UUID.randomUUID().toString();
        String tard = UUID.randomUUID().toString();
        long debut = System.nanoTime();
        produire(Evenements.CONSULTATION_PUBLIEE, tard, UUID.randomUUID().toString(), Instant.now(),
                publiee(tard, "Fournitures de bureau " + tard, T0.plus(40, ChronoUnit.DAYS), List.of(JetonsDeTest.SIREN_DIJON)));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() ->
                get("/api/catalogue/consultations-ouvertes/" + tard, JetonsDeTest.fournisseur()).statusCode() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - debut)).isLessThan(Duration.ofSeconds(1));

        produire(Evenements.CONSULTATION_PUBLIEE, tot, UUID.randomUUID().toString(), Instant.now(),
                avecPublicite(publiee(tot, "Fournitures de bureau " + tot, T0.plus(35, ChronoUnit.DAYS),
                        List.of(JetonsDeTest.SIREN_DIJON)), true));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/catalogue/consultations-ouvertes/" + tot, JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT)).statusCode() == 200);

        JsonNode detail = json.readTree(get("/api/catalogue/consultations-ouvertes/" + tard, JetonsDeTest.acheteur()).body());
        assertThat(detail.get("consultationId").asString()).isEqualTo(tard);
        assertThat(detail.get("nature").asString()).isEqualTo("FOURNITURES");
        assertThat(detail.get("cpvPrincipal").asString()).isEqualTo("30192000-1");
        assertThat(detail.get("procedure").asString()).isEqualTo("APPEL_OFFRES_OUVERT");
        assertThat(detail.get("valeurEstimeeTotale").decimalValue()).isEqualByComparingTo("250000.50");
        assertThat(Instant.parse(detail.get("dlro").asString())).isEqualTo(T0.plus(40, ChronoUnit.DAYS));
        assertThat(detail.get("lots").get(1).get("cpv").asString()).isEqualTo("48000000-8");
        assertThat(detail.get("lots").get(0).get("montantEstime").decimalValue()).isEqualByComparingTo("150000.50");
        assertThat(detail.get("criteres").get(0).get("ponderation").asInt()).isEqualTo(60);
        assertThat(detail.get("beneficiaires").get(0).asString()).isEqualTo(JetonsDeTest.SIREN_DIJON);
        // Published before the flag existed: unknown, not false.
        assertThat(detail.get("publiciteBoampOuJalRequise").isNull()).as(detail.toString()).isTrue();
        assertThat(json.readTree(get("/api/catalogue/consultations-ouvertes/" + tot, JetonsDeTest.fournisseur()).body())
                .get("publiciteBoampOuJalRequise").asBoolean()).isTrue();

        List<String> ordre = json.readTree(get("/api/catalogue/consultations-ouvertes?taille=200", JetonsDeTest.fournisseur()).body())
                .findValuesAsString("consultationId");
        assertThat(ordre).containsSubsequence(tot, tard, echauffement);

        assertThat(ids("?beneficiaire=" + JetonsDeTest.SIREN_DIJON)).contains(tot, tard).doesNotContain(echauffement);
        assertThat(ids("?beneficiaire=" + JetonsDeTest.SIREN_TALANT)).contains(echauffement).doesNotContain(tot, tard);
        assertThat(ids("?cpv=48")).contains(tot, tard);
        assertThat(ids("?cpv=30&beneficiaire=" + JetonsDeTest.SIREN_DIJON)).contains(tot, tard);
        assertThat(ids("?cpv=45")).doesNotContain(tot, tard, echauffement);

        produire(Evenements.CONSULTATION_CLOTUREE, tard, UUID.randomUUID().toString(), Instant.now(),
                new ConsultationClotureeV1(tard, T0.plus(40, ChronoUnit.DAYS), Instant.now()));
        produire(Evenements.CONSULTATION_SANS_SUITE, tot, UUID.randomUUID().toString(), Instant.now(),
                new ConsultationSansSuiteV1(tot, "Besoin disparu", Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/catalogue/consultations-ouvertes/" + tard, JetonsDeTest.fournisseur()).statusCode() == 404
                        && get("/api/catalogue/consultations-ouvertes/" + tot, JetonsDeTest.fournisseur()).statusCode() == 404);
        assertThat(ids("")).doesNotContain(tot, tard).contains(echauffement);
        assertThat(statut(tard, "consultations")).isEqualTo("CLOTUREE");
        assertThat(statut(tot, "consultations")).isEqualTo("SANS_SUITE");

        // A publication delivered again after the closure does not reopen it.
        produire(Evenements.CONSULTATION_PUBLIEE, tard, UUID.randomUUID().toString(), Instant.now(),
                publiee(tard, "Republication tardive", T0.plus(40, ChronoUnit.DAYS), List.of(JetonsDeTest.SIREN_DIJON)));
        attendreTraitementDesEvenementsMarcheDeCle(tard);
        assertThat(get("/api/catalogue/consultations-ouvertes/" + tard, JetonsDeTest.fournisseur()).statusCode()).isEqualTo(404);
    }

    @Test
    void duplicateEventIsAppliedOnceAndUnknownTypesAreIgnored() throws Exception {
        String id = UUID.randomUUID().toString();
        String evenementId = UUID.randomUUID().toString();
        produire(Evenements.CONSULTATION_PUBLIEE, id, evenementId, Instant.now(),
                publiee(id, "Première version", T0.plus(50, ChronoUnit.DAYS), List.of(JetonsDeTest.SIREN_DIJON)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/api/catalogue/consultations-ouvertes/" + id, JetonsDeTest.admin()).statusCode() == 200);

        produire(Evenements.CONSULTATION_PUBLIEE, id, evenementId, Instant.now(),
                publiee(id, "Doublon modifié", T0.plus(50, ChronoUnit.DAYS), List.of(JetonsDeTest.SIREN_DIJON)));
        String inconnu = UUID.randomUUID().toString();
        produireBrut(Topic.MARCHE.nom(), id, CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(URI.create(Topic.MARCHE.source())).withType("fr.centraleachat.marche.ConsultationRectifiee.v1")
                .withSubject(inconnu).withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(("{\"consultationId\":\"" + inconnu + "\"}").getBytes(StandardCharsets.UTF_8)).build());
        attendreTraitementDesEvenementsMarcheDeCle(id);

        JsonNode consultation = json.readTree(get("/api/catalogue/consultations-ouvertes/" + id, JetonsDeTest.admin()).body());
        assertThat(consultation.get("objet").asString()).isEqualTo("Première version");
        assertThat(mongo.findById(id, Document.class, "consultations").getList("evenementsAppliques", String.class))
                .containsExactly(evenementId);
        assertThat(mongo.findById(inconnu, Document.class, "consultations")).isNull();
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithoutStoppingConsumption() throws Exception {
        String cleIllisible = "poison-" + UUID.randomUUID();
        String cleDonneesIllisibles = UUID.randomUUID().toString();
        String cleSirenInvalide = UUID.randomUUID().toString();
        String evenementIllisible = UUID.randomUUID().toString();
        try (var brut = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            brut.send(new ProducerRecord<>(Topic.ADHESION.nom(), cleIllisible,
                    "ceci n'est pas un CloudEvent".getBytes(StandardCharsets.UTF_8))).get();
        }
        produireBrut(Topic.ADHESION.nom(), cleDonneesIllisibles, CloudEventBuilder.v1().withId(evenementIllisible)
                .withSource(URI.create(Topic.ADHESION.source())).withType(Evenements.ADHESION_ACTIVEE.ceType())
                .withSubject(cleDonneesIllisibles).withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withExtension("correlationid", "poison-donnees").withDataContentType("application/json")
                .withData("{\"siren\": [1, 2".getBytes(StandardCharsets.UTF_8)).build());
        produire(Evenements.ADHESION_ACTIVEE, cleSirenInvalide, UUID.randomUUID().toString(), Instant.now(),
                activee(cleSirenInvalide, "212106174", "Clé de contrôle fausse"));

        String siren = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, cleIllisible, UUID.randomUUID().toString(), Instant.now(),
                activee(cleIllisible, siren, "Après le poison"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/api/catalogue/membres-actifs/" + siren, JetonsDeTest.acheteur()).statusCode()).isEqualTo(200));

        Map<String, ConsumerRecord<String, byte[]>> rebuts = new HashMap<>();
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(DLT));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consommateur.poll(Duration.ofMillis(300)).forEach(r -> rebuts.put(r.key(), r));
                return rebuts.keySet().containsAll(List.of(cleIllisible, cleDonneesIllisibles, cleSirenInvalide));
            });
        }
        ConsumerRecord<String, byte[]> donneesIllisibles = rebuts.get(cleDonneesIllisibles);
        assertThat(entete(donneesIllisibles, "ce_type")).isEqualTo(Evenements.ADHESION_ACTIVEE.ceType());
        assertThat(entete(donneesIllisibles, "ce_id")).isEqualTo(evenementIllisible);
        assertThat(entete(donneesIllisibles, "ce_subject")).isEqualTo(cleDonneesIllisibles);
        assertThat(entete(donneesIllisibles, "ce_correlationid")).isEqualTo("poison-donnees");
        assertThat(new String(donneesIllisibles.value(), StandardCharsets.UTF_8)).isEqualTo("{\"siren\": [1, 2");
        assertThat(new String(rebuts.get(cleIllisible).value(), StandardCharsets.UTF_8)).isEqualTo("ceci n'est pas un CloudEvent");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void rejectsCallsWithoutTokenWithFrenchProblem() throws Exception {
        HttpResponse<String> reponse = get("/api/catalogue/consultations-ouvertes", null);
        assertThat(reponse.statusCode()).isEqualTo(401);
        assertThat(json.readTree(reponse.body()).get("title").asString()).isEqualTo("Authentification requise");
        assertThat(get("/api/catalogue/membres-actifs?taille=200", null).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsInvalidIdentifiersAndFiltersWithPerFieldMessages() throws Exception {
        JsonNode sirenFaux = json.readTree(get("/api/catalogue/membres-actifs/212106174", JetonsDeTest.acheteur()).body());
        assertThat(sirenFaux.get("status").asInt()).isEqualTo(400);
        assertThat(sirenFaux.get("erreurs").get(0).get("champ").asString()).isEqualTo("siren");
        assertThat(sirenFaux.get("erreurs").get(0).get("message").asString()).contains("clé de contrôle");

        JsonNode uuidFaux = json.readTree(get("/api/catalogue/consultations-ouvertes/pas-un-uuid", JetonsDeTest.fournisseur()).body());
        assertThat(uuidFaux.get("status").asInt()).isEqualTo(400);
        assertThat(uuidFaux.get("erreurs").get(0).get("champ").asString()).isEqualTo("id");

        JsonNode beneficiaireFaux = json.readTree(get("/api/catalogue/consultations-ouvertes?beneficiaire=12345",
                JetonsDeTest.acheteur()).body());
        assertThat(beneficiaireFaux.get("status").asInt()).isEqualTo(400);
        assertThat(beneficiaireFaux.get("erreurs").get(0).get("champ").asString()).isEqualTo("beneficiaire");

        JsonNode cpvFaux = json.readTree(get("/api/catalogue/consultations-ouvertes?cpv=3019", JetonsDeTest.acheteur()).body());
        assertThat(cpvFaux.get("status").asInt()).isEqualTo(400);
        assertThat(cpvFaux.get("erreurs").get(0).get("champ").asString()).isEqualTo("cpv");
        assertThat(cpvFaux.get("erreurs").get(0).get("message").asString()).contains("2 chiffres");

        HttpResponse<String> inconnue = get("/api/catalogue/consultations-ouvertes/" + UUID.randomUUID(), JetonsDeTest.acheteur());
        assertThat(inconnue.statusCode()).isEqualTo(404);
        assertThat(json.readTree(inconnue.body()).get("title").asString()).isEqualTo("Ressource introuvable");
        assertThat(get("/api/catalogue/membres-actifs/" + nouveauSiren(), JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesItsApiDescription() throws Exception {
        HttpResponse<String> reponse = get("/v3/api-docs", null);
        assertThat(reponse.statusCode()).isEqualTo(200);
        JsonNode chemins = json.readTree(reponse.body()).get("paths");
        assertThat(chemins.has("/api/catalogue/membres-actifs/{siren}")).isTrue();
        assertThat(chemins.has("/api/catalogue/consultations-ouvertes")).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- contrats

    @Test
    void aNotifiedMarcheBecomesAContractSeenByItsBeneficiariesItsTitulaireAndTheAcheteurOnly() throws Exception {
        String numero = "2027-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)) + "-L1";
        String consultation = UUID.randomUUID().toString();
        String evenementId = UUID.randomUUID().toString();
        MarcheNotifieV1 marche = marcheNotifie(numero, consultation, LocalDate.now().minusDays(1),
                List.of(JetonsDeTest.SIREN_TALANT));
        produire(Evenements.MARCHE_NOTIFIE, consultation, evenementId, Instant.now(), marche);
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).statusCode() == 200);

        JsonNode contrat = json.readTree(get("/api/catalogue/contrats/" + numero,
                JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT)).body());
        assertThat(contrat.get("statut").asString()).isEqualTo("ACTIF");
        assertThat(contrat.get("titulaire").get("siret").asString()).isEqualTo("55210055400013");
        assertThat(contrat.get("consommation").get("maximumHt").decimalValue()).isEqualByComparingTo("60000");
        assertThat(contrat.get("consommation").get("restantHt").decimalValue()).isEqualByComparingTo("60000");
        assertThat(contrat.get("familleAchat").asString()).isEqualTo("FOURNITURES_ADMINISTRATIVES");
        assertThat(contrat.get("liens").get("documentsConsultation").asString()).contains(consultation);
        assertThat(get("/api/catalogue/contrats/" + numero, JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)).statusCode())
                .as("Dijon is not a beneficiary").isEqualTo(404);
        assertThat(get("/api/catalogue/contrats/" + numero, JetonsDeTest.fournisseur()).statusCode())
                .as("another supplier").isEqualTo(404);
        String titulaire = JetonsDeTest.jeton("titulaire", List.of("FOURNISSEUR"), null, "55210055400013");
        assertThat(get("/api/catalogue/contrats/" + numero, titulaire).statusCode()).isEqualTo(200);
        assertThat(get("/api/catalogue/contrats?taille=200", titulaire).body()).contains(numero);
        assertThat(get("/api/catalogue/contrats?taille=200", JetonsDeTest.fournisseur()).body()).doesNotContain(numero);
        assertThat(get("/api/catalogue/contrats?taille=200", JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)).body())
                .doesNotContain(numero);
        assertThat(get("/api/catalogue/contrats?taille=200", JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT)).body())
                .contains(numero);

        // Redelivered: applied once, and a consumption already recorded is never reset by the projection.
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(numero)),
                new org.springframework.data.mongodb.core.query.Update().set("consommation.consommeCentimes", 100L),
                "contrats");
        produire(Evenements.MARCHE_NOTIFIE, consultation, evenementId, Instant.now(), marche);
        produire(Evenements.MARCHE_NOTIFIE, consultation, UUID.randomUUID().toString(), Instant.now(), marche);
        attendreTraitementDesEvenementsMarcheDeCle(consultation);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(numero, Document.class, "contrats")
                .getList("evenementsAppliques", String.class).size() == 2);
        JsonNode relu = json.readTree(get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).body());
        assertThat(relu.get("consommation").get("consommeHt").decimalValue()).isEqualByComparingTo("1.00");

        String futur = numero.replace("-L1", "-L2");
        produire(Evenements.MARCHE_NOTIFIE, consultation, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(futur, consultation, LocalDate.now().plusDays(10), List.of(JetonsDeTest.SIREN_TALANT)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + futur, JetonsDeTest.acheteur()).statusCode() == 200);
        assertThat(json.readTree(get("/api/catalogue/contrats/" + futur, JetonsDeTest.acheteur()).body())
                .get("statut").asString()).isEqualTo("A_VENIR");
        assertThat(get("/api/catalogue/contrats/pas-un-numero", JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);
    }

    @Test
    void aBeneficiarySubscribesEndsAndTakesItsSubscriptionAgainAndEachStepIsAnnounced() throws Exception {
        String membre = nouveauSiren();
        String sansFamille = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, membre, UUID.randomUUID().toString(), Instant.now(),
                activee(UUID.randomUUID().toString(), membre, "Commune " + membre));
        produire(Evenements.ADHESION_ACTIVEE, sansFamille, UUID.randomUUID().toString(), Instant.now(),
                new AdhesionActiveeV1(UUID.randomUUID().toString(), sansFamille, "Commune " + sansFamille, "COMMUNE",
                        List.of("VOIRIE"), "PASSATION", "D-2026-43", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
        String numero = "2027-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)) + "-L3";
        produire(Evenements.MARCHE_NOTIFIE, "c-" + numero, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(numero, UUID.randomUUID().toString(), LocalDate.now().minusDays(1),
                        List.of(membre, sansFamille)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/membres-actifs/" + membre, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/membres-actifs/" + sansFamille, JetonsDeTest.acheteur()).statusCode() == 200);
        String souscription = "/api/catalogue/contrats/" + numero + "/souscription";

        HttpResponse<String> creee = post(souscription, JetonsDeTest.agent(membre));
        assertThat(creee.statusCode()).as(creee.body()).isEqualTo(201);
        assertThat(json.readTree(creee.body()).get("statut").asString()).isEqualTo("ACTIVE");
        assertThat(post(souscription, JetonsDeTest.agent(membre)).statusCode()).isEqualTo(409);
        HttpResponse<String> pasBeneficiaire = post(souscription, JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON));
        assertThat(pasBeneficiaire.statusCode()).isEqualTo(403);
        assertThat(pasBeneficiaire.body()).contains("n'est pas bénéficiaire");
        HttpResponse<String> horsFamille = post(souscription, JetonsDeTest.agent(sansFamille));
        assertThat(horsFamille.statusCode()).isEqualTo(400);
        assertThat(horsFamille.body()).contains("ne couvre pas la famille d'achat");
        assertThat(post(souscription, JetonsDeTest.acheteur()).statusCode()).isEqualTo(403);
        assertThat(post("/api/catalogue/contrats/2027-0000-L9/souscription", JetonsDeTest.agent(membre)).statusCode())
                .isEqualTo(404);

        assertThat(get("/api/catalogue/souscriptions?contrat=" + numero, JetonsDeTest.acheteur()).body())
                .contains(membre).doesNotContain(sansFamille);
        assertThat(get("/api/catalogue/souscriptions?contrat=" + numero, JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON))
                .body()).doesNotContain(membre);
        HttpResponse<String> resiliee = post(souscription + "/resiliation", JetonsDeTest.agent(membre));
        assertThat(json.readTree(resiliee.body()).get("statut").asString()).isEqualTo("RESILIEE");
        assertThat(post(souscription + "/resiliation", JetonsDeTest.agent(membre)).statusCode()).isEqualTo(409);
        assertThat(post(souscription, JetonsDeTest.agent(membre)).statusCode()).isEqualTo(201);

        List<String> types = new ArrayList<>();
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-souscriptions-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(Topic.CATALOGUE.nom()));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consommateur.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (numero.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains(membre)) {
                        types.add(entete(r, "ce_type"));
                    }
                });
                return types.size() >= 3;
            });
        }
        assertThat(types).containsExactly(Evenements.SOUSCRIPTION_CREEE.ceType(),
                Evenements.SOUSCRIPTION_RESILIEE.ceType(), Evenements.SOUSCRIPTION_CREEE.ceType());
    }

    @Test
    void aSubscribedMemberOrdersAtTheListPricesWithinTheMaximumAndTheThresholdIsAnnouncedOnce() throws Exception {
        String membre = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, membre, UUID.randomUUID().toString(), Instant.now(),
                activee(UUID.randomUUID().toString(), membre, "Commune " + membre));
        String numero = "2027-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)) + "-L4";
        produire(Evenements.MARCHE_NOTIFIE, "c-" + numero, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(numero, UUID.randomUUID().toString(), LocalDate.now().minusDays(1), List.of(membre)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/membres-actifs/" + membre, JetonsDeTest.acheteur()).statusCode() == 200);
        String agent = JetonsDeTest.agent(membre);
        String commande = "{\"lignes\":[{\"reference\":\"PAP-A4\",\"quantite\":10000}],"
                + "\"adresseLivraison\":\"Mairie, 1 place de la République\"}";
        assertThat(post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent, commande).statusCode())
                .as("no subscription yet").isEqualTo(409);
        assertThat(post("/api/catalogue/contrats/" + numero + "/souscription", agent).statusCode()).isEqualTo(201);
        HttpResponse<String> sansListe = post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent, commande);
        assertThat(sansListe.statusCode()).isEqualTo(400);
        assertThat(sansListe.body()).contains("PAP-A4");

        String csv = "\uFEFFréférence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\n"
                + "PAP-A4;Ramette papier A4 80 g;ramette;carton de 5;4,80;20;30197630-1\n"
                + "STY-BL;Stylo bille bleu;pièce;;0,35;20;\n";
        HttpResponse<String> liste = televerser("/api/catalogue/contrats/" + numero + "/tarifs/versions",
                JetonsDeTest.acheteur(), csv, LocalDate.now().minusDays(1).toString());
        assertThat(liste.statusCode()).as(liste.body()).isEqualTo(201);

        // 10 000 ramettes at 4.80 € = 48 000 € HT: exactly 80 % of the 60 000 € maximum.
        HttpResponse<String> brouillon = post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent, commande);
        assertThat(brouillon.statusCode()).as(brouillon.body()).isEqualTo(201);
        JsonNode bon = json.readTree(brouillon.body());
        assertThat(bon.get("statut").asString()).isEqualTo("BROUILLON");
        assertThat(bon.get("montantHt").decimalValue()).isEqualByComparingTo("48000.00");
        assertThat(bon.get("montantTtc").decimalValue()).isEqualByComparingTo("57600.00");
        assertThat(bon.get("lignes").get(0).get("designation").asString()).isEqualTo("Ramette papier A4 80 g");
        String numeroBon = bon.get("numero").asString();
        assertThat(numeroBon).startsWith(membre + "-" + LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear() + "-");
        assertThat(post("/api/catalogue/bons-de-commande/" + numeroBon + "/emission",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)).statusCode()).isEqualTo(404);
        HttpResponse<String> emis = post("/api/catalogue/bons-de-commande/" + numeroBon + "/emission", agent);
        assertThat(emis.statusCode()).as(emis.body()).isEqualTo(200);
        assertThat(post("/api/catalogue/bons-de-commande/" + numeroBon + "/emission", agent).statusCode()).isEqualTo(409);

        // 2 600 × 4.80 = 12 480 € HT, over the 12 000 € left.
        String tropGros = "{\"lignes\":[{\"reference\":\"PAP-A4\",\"quantite\":2600}],"
                + "\"adresseLivraison\":\"Mairie\"}";
        String numeroTrop = json.readTree(post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent,
                tropGros).body()).get("numero").asString();
        HttpResponse<String> refuse = post("/api/catalogue/bons-de-commande/" + numeroTrop + "/emission", agent);
        assertThat(refuse.statusCode()).isEqualTo(409);
        assertThat(refuse.body()).contains("dépasse le montant restant", "12000.00 € HT");
        JsonNode contrat = json.readTree(get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).body());
        assertThat(contrat.get("consommation").get("consommeHt").decimalValue()).isEqualByComparingTo("48000");
        assertThat(contrat.get("consommation").get("seuilsAtteints")).extracting(JsonNode::asInt).containsExactly(80);

        HttpResponse<String> annule = post("/api/catalogue/bons-de-commande/" + numeroBon + "/annulation", agent,
                "{\"motif\":\"Besoin couvert par un autre marché\"}");
        assertThat(json.readTree(annule.body()).get("statut").asString()).isEqualTo("ANNULE");
        assertThat(json.readTree(get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).body())
                .get("consommation").get("consommeHt").decimalValue()).isEqualByComparingTo("0");
        HttpResponse<String> reemis = post("/api/catalogue/bons-de-commande/" + numeroTrop + "/emission", agent);
        assertThat(reemis.statusCode()).as(reemis.body()).isEqualTo(200);
        JsonNode suivi = json.readTree(get("/api/catalogue/contrats/" + numero + "/suivi", JetonsDeTest.acheteur()).body());
        assertThat(suivi.get("consommationParMembre").get(membre).decimalValue()).isEqualByComparingTo("12480.00");
        assertThat(get("/api/catalogue/bons-de-commande?contrat=" + numero, JetonsDeTest.jeton("titulaire",
                List.of("FOURNISSEUR"), null, "55210055400013")).body()).contains(numeroTrop);
        assertThat(get("/api/catalogue/bons-de-commande/" + numeroTrop, JetonsDeTest.fournisseur()).statusCode())
                .isEqualTo(404);

        List<String> seuils = new ArrayList<>();
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of("bootstrap.servers", bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-seuils-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(Topic.CATALOGUE.nom()));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consommateur.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (numero.equals(r.key())) {
                        seuils.add(entete(r, "ce_type"));
                    }
                });
                return seuils.contains(Evenements.BON_DE_COMMANDE_ANNULE.ceType())
                        && seuils.stream().filter(Evenements.BON_DE_COMMANDE_EMIS.ceType()::equals).count() == 2;
            });
        }
        assertThat(seuils.stream().filter(Evenements.SEUIL_CONSOMMATION_ATTEINT.ceType()::equals)).hasSize(1);
    }

    /** A contract notified for a new member, which subscribed, with a one-line price list (PAP-A4 at 4.80 € HT). */
    private record ContratSouscrit(String numero, String consultationId, String membre, String agent) {
    }

    private ContratSouscrit contratSouscrit(String lot) throws Exception {
        String membre = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, membre, UUID.randomUUID().toString(), Instant.now(),
                activee(UUID.randomUUID().toString(), membre, "Commune " + membre));
        String numero = "2027-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)) + "-" + lot;
        produire(Evenements.MARCHE_NOTIFIE, "c-" + numero, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(numero, "c-" + numero, LocalDate.now().minusDays(1), List.of(membre)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/membres-actifs/" + membre, JetonsDeTest.acheteur()).statusCode() == 200);
        String agent = JetonsDeTest.agent(membre);
        assertThat(post("/api/catalogue/contrats/" + numero + "/souscription", agent).statusCode()).isEqualTo(201);
        assertThat(televerser("/api/catalogue/contrats/" + numero + "/tarifs/versions", JetonsDeTest.acheteur(),
                "référence;désignation;unité;prix unitaire HT;taux de TVA\nPAP-A4;Ramette papier A4;ramette;4,80;20\n",
                LocalDate.now().minusDays(1).toString()).statusCode()).isEqualTo(201);
        return new ContratSouscrit(numero, "c-" + numero, membre, agent);
    }

    @Test
    void anAvenantMovesTheMaximumAndTheRemainingAmountOnceKeepingWhatWasOrdered() throws Exception {
        ContratSouscrit souscrit = contratSouscrit("L7");
        String numero = souscrit.numero();
        String commande = "{\"lignes\":[{\"reference\":\"PAP-A4\",\"quantite\":10}],\"adresseLivraison\":\"Mairie\"}";
        String brouillon = json.readTree(post("/api/catalogue/contrats/" + numero + "/bons-de-commande",
                souscrit.agent(), commande).body()).get("numero").asString();
        assertThat(post("/api/catalogue/bons-de-commande/" + brouillon + "/emission", souscrit.agent()).statusCode())
                .isEqualTo(200);
        LocalDate nouvelleFin = LocalDate.now().plusYears(3);
        String evenementId = UUID.randomUUID().toString();
        AvenantConcluV1 avenant = new AvenantConcluV1(numero, souscrit.consultationId(), 7, 1, "DE_MINIMIS",
                new BigDecimal("5000.00"), new BigDecimal("60000.00"), new BigDecimal("65000.00"), true, nouvelleFin,
                nouvelleFin, "Ajout de références.", LocalDate.now(PARIS), Instant.now());
        produire(Evenements.AVENANT_CONCLU, souscrit.consultationId(), evenementId, Instant.now(), avenant);
        produire(Evenements.AVENANT_CONCLU, souscrit.consultationId(), evenementId, Instant.now(), avenant);
        String inconnu = numero.replace("-L7", "-L98");
        produire(Evenements.AVENANT_CONCLU, souscrit.consultationId(), UUID.randomUUID().toString(), Instant.now(),
                new AvenantConcluV1(inconnu, souscrit.consultationId(), 98, 1, "DE_MINIMIS", BigDecimal.ONE,
                        BigDecimal.TEN, new BigDecimal("11"), true, null, nouvelleFin, "Erreur.", LocalDate.now(PARIS),
                        Instant.now()));

        // A contract notified after them on the same key is applied after them: once it exists, both copies and the
        // unknown contract's avenant have been handled by the contracts' consumer.
        String temoin = numero.replace("-L7", "-L97");
        produire(Evenements.MARCHE_NOTIFIE, souscrit.consultationId(), UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(temoin, souscrit.consultationId(), LocalDate.now().minusDays(1),
                        List.of(souscrit.membre())));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get("/api/catalogue/contrats/" + temoin, JetonsDeTest.acheteur()).statusCode() == 200);
        JsonNode contrat = json.readTree(get("/api/catalogue/contrats/" + numero, JetonsDeTest.acheteur()).body());
        assertThat(contrat.get("montantMaximumHt").decimalValue()).isEqualByComparingTo("65000");
        assertThat(contrat.get("dateFin").asString()).isEqualTo(nouvelleFin.toString());
        assertThat(contrat.get("consommation").get("maximumHt").decimalValue()).isEqualByComparingTo("65000");
        assertThat(contrat.get("consommation").get("consommeHt").decimalValue()).isEqualByComparingTo("48");
        assertThat(contrat.get("consommation").get("restantHt").decimalValue()).isEqualByComparingTo("64952");
        assertThat(mongo.findById(inconnu, Document.class, "contrats")).as("no contract made of an avenant alone")
                .isNull();
    }

    @Test
    void aTerminatedContractTakesNoNewOrderFromItsTerminationDate() throws Exception {
        ContratSouscrit souscrit = contratSouscrit("L6");
        String numero = souscrit.numero();
        String commande = "{\"lignes\":[{\"reference\":\"PAP-A4\",\"quantite\":10}],\"adresseLivraison\":\"Mairie\"}";
        String brouillon = json.readTree(post("/api/catalogue/contrats/" + numero + "/bons-de-commande",
                souscrit.agent(), commande).body()).get("numero").asString();
        String evenementId = UUID.randomUUID().toString();
        MarcheResilieV1 resiliation = new MarcheResilieV1(numero, souscrit.consultationId(), 6, LocalDate.now(PARIS),
                "Défaillance du titulaire.", Instant.now());
        produire(Evenements.MARCHE_RESILIE, souscrit.consultationId(), evenementId, Instant.now(), resiliation);
        produire(Evenements.MARCHE_RESILIE, souscrit.consultationId(), evenementId, Instant.now(), resiliation);
        String inconnu = numero.replace("-L6", "-L99");
        produire(Evenements.MARCHE_RESILIE, souscrit.consultationId(), UUID.randomUUID().toString(), Instant.now(),
                new MarcheResilieV1(inconnu, souscrit.consultationId(), 99, LocalDate.now(PARIS), "Erreur.", Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> json.readTree(get("/api/catalogue/contrats/" + numero,
                JetonsDeTest.acheteur()).body()).get("statut").asString().equals("RESILIE"));
        HttpResponse<String> emission = post("/api/catalogue/bons-de-commande/" + brouillon + "/emission",
                souscrit.agent());
        assertThat(emission.statusCode()).isEqualTo(409);
        assertThat(emission.body()).contains("RESILIE");
        assertThat(post("/api/catalogue/contrats/" + numero + "/bons-de-commande", souscrit.agent(), commande)
                .statusCode()).isEqualTo(409);
        assertThat(contratsStockes.trouver(numero).orElseThrow().consommation().consomme()).isEqualTo(Montant.de(0));
        attendreTraitementDesEvenementsMarcheDeCle(souscrit.consultationId());
        assertThat(mongo.findById(numero, Document.class, "contrats").getString("resilieLe"))
                .isEqualTo(LocalDate.now(PARIS).toString());
        assertThat(mongo.findById(inconnu, Document.class, "contrats")).as("no contract made of a termination alone")
                .isNull();
    }

    @Test
    void reservationsLeftByInterruptedIssuesAreGivenBackOrDroppedAccordingToTheirOrder() throws Exception {
        ContratSouscrit souscrit = contratSouscrit("L5");
        String numero = souscrit.numero();
        String agent = souscrit.agent();
        String commande = "{\"lignes\":[{\"reference\":\"PAP-A4\",\"quantite\":100}],\"adresseLivraison\":\"Mairie\"}";
        String interrompu = json.readTree(post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent,
                commande).body()).get("numero").asString();
        String emis = json.readTree(post("/api/catalogue/contrats/" + numero + "/bons-de-commande", agent,
                commande).body()).get("numero").asString();
        assertThat(post("/api/catalogue/bons-de-commande/" + emis + "/emission", agent).statusCode()).isEqualTo(200);

        // What two issues whose process died leave: one reserved and stopped before saving its order (still a
        // draft), one saved its order as issued and stopped before dropping its reservation record.
        contratsStockes.reserver(numero, interrompu, Montant.de(480));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(numero)), new Update().push("consommation.reservations",
                new Document("bon", emis).append("centimes", 48_000L).append("le", new java.util.Date())), "contrats");
        assertThat(contratsStockes.trouver(numero).orElseThrow().consommation().consomme()).isEqualTo(Montant.de(960));

        assertThat(commandes.reconcilierReservations(Instant.now().minusSeconds(60)))
                .as("recent reservations may belong to issues under way").isEqualTo(new ServiceCommandes.Reconciliation(0, 0));
        assertThat(commandes.reconcilierReservations(Instant.now().plusSeconds(1)))
                .isEqualTo(new ServiceCommandes.Reconciliation(1, 1));
        assertThat(commandes.reconcilierReservations(Instant.now().plusSeconds(1)))
                .isEqualTo(new ServiceCommandes.Reconciliation(0, 0));
        Document consommation = mongo.findById(numero, Document.class, "contrats").get("consommation", Document.class);
        assertThat(consommation.getList("reservations", Document.class)).isEmpty();
        assertThat(((Number) consommation.get("consommeCentimes")).longValue()).isEqualTo(48_000L);

        // The interrupted order can be issued again, and is consumed once.
        assertThat(post("/api/catalogue/bons-de-commande/" + interrompu + "/emission", agent).statusCode()).isEqualTo(200);
        assertThat(contratsStockes.trouver(numero).orElseThrow().consommation().consomme()).isEqualTo(Montant.de(960));
    }

    // ---------------------------------------------------------------- recherche

    @Test
    void itemsAreSearchedInFrenchAmongTheContractsOpenToEachCallerAndANewVersionIsFoundWithinSeconds() throws Exception {
        String membre = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, membre, UUID.randomUUID().toString(), Instant.now(),
                activee(UUID.randomUUID().toString(), membre, "Commune " + membre));
        String suffixe = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String bureau = "2028-" + suffixe + "-L1";
        String postes = "2028-" + suffixe + "-L2";
        LocalDate hier = LocalDate.now(PARIS).minusDays(1);
        produire(Evenements.MARCHE_NOTIFIE, "c-" + bureau, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(bureau, "Fournitures de bureau", "55210055400013", "Papeterie de Bourgogne",
                        "FOURNITURES_ADMINISTRATIVES", "30192000-1", hier, List.of(membre)));
        produire(Evenements.MARCHE_NOTIFIE, "c-" + postes, UUID.randomUUID().toString(), Instant.now(),
                marcheNotifie(postes, "Postes informatiques", JetonsDeTest.SIRET_FOURNISSEUR, "Informatique de Dijon",
                        "INFORMATIQUE_TELECOMS", "30213000-5", hier, List.of(JetonsDeTest.SIREN_TALANT)));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                get("/api/catalogue/contrats/" + bureau, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/contrats/" + postes, JetonsDeTest.acheteur()).statusCode() == 200
                        && get("/api/catalogue/membres-actifs/" + membre, JetonsDeTest.acheteur()).statusCode() == 200);
        String entete = "référence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\n";
        assertThat(televerser("/api/catalogue/contrats/" + bureau + "/tarifs/versions", JetonsDeTest.acheteur(),
                entete + "AGR-" + suffixe + ";Agrafeuse de bureau chromée;pièce;;12,90;20;30197110-0\n"
                        + "CAF-" + suffixe + ";Café moulu pur arabica;paquet;paquet de 1 kg;8,50;5,5;15861000-1\n"
                        + "CLA-" + suffixe + ";Classeurs à levier, fourniture scolaire;Boîte;boîte de 10;24;20;\n",
                hier.toString()).statusCode()).isEqualTo(201);
        assertThat(televerser("/api/catalogue/contrats/" + postes + "/tarifs/versions", JetonsDeTest.acheteur(),
                entete + "ECR-" + suffixe + ";Écran 24 pouces;pièce;;149;20;\n"
                        + "CLV-" + suffixe + ";Clavier sans fil;pièce;;19,99;20;30192700-8\n",
                hier.toString()).statusCode()).isEqualTo(201);

        // An agent of a beneficiary body: the beneficiary contract only, in French.
        String agent = JetonsDeTest.agent(membre);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> rechercher("q=agrafeuse", agent).get("total").asLong() == 1);
        JsonNode agrafeuse = rechercher("q=" + encoder("l'agrafeuse"), agent);
        JsonNode article = agrafeuse.get("elements").get(0);
        assertThat(article.get("reference").asString()).isEqualTo("AGR-" + suffixe);
        assertThat(article.get("prixUnitaireHt").decimalValue()).isEqualByComparingTo("12.90");
        assertThat(article.get("surlignage").asString()).isEqualTo("<em>Agrafeuse</em> de bureau chromée");
        assertThat(article.get("contrat").get("numero").asString()).isEqualTo(bureau);
        assertThat(article.get("contrat").get("titulaire").get("raisonSociale").asString())
                .isEqualTo("Papeterie de Bourgogne");
        assertThat(article.get("contrat").get("statut").asString()).isEqualTo("ACTIF");
        assertThat(article.get("contrat").get("souscrit").asBoolean()).isFalse();
        assertThat(references(rechercher("q=cafe", agent))).containsExactly("CAF-" + suffixe);
        assertThat(references(rechercher("q=agrafeusse", agent))).containsExactly("AGR-" + suffixe);
        JsonNode fournitures = rechercher("q=" + encoder("fournitures de bureau"), agent);
        assertThat(references(fournitures)).containsExactlyInAnyOrder("AGR-" + suffixe, "CAF-" + suffixe,
                "CLA-" + suffixe);
        assertThat(references(rechercher("q=fournitures", agent))).first().isEqualTo("CLA-" + suffixe);
        assertThat(fournitures.get("facettes").get("contrat").get(0).get("valeur").asString()).isEqualTo(bureau);
        assertThat(fournitures.get("facettes").get("contrat").get(0).get("nombre").asLong()).isEqualTo(3);
        assertThat(fournitures.get("facettes").get("unite").findValuesAsString("valeur"))
                .containsExactlyInAnyOrder("pièce", "paquet", "boîte");
        assertThat(rechercher("q=ecran", agent).get("total").asLong()).as("not a beneficiary of it").isZero();

        // An agent of a body that benefits from neither.
        String dijon = JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON);
        assertThat(rechercher("q=agrafeuse&contrat=" + bureau, dijon).get("total").asLong()).isZero();
        assertThat(rechercher("contrat=" + postes, dijon).get("total").asLong()).isZero();

        // Each titulaire its own contracts.
        String papeterie = JetonsDeTest.jeton("titulaire", List.of("FOURNISSEUR"), null, "55210055400013");
        assertThat(rechercher("contrat=" + bureau, papeterie).get("total").asLong()).isEqualTo(3);
        assertThat(rechercher("contrat=" + postes, papeterie).get("total").asLong()).isZero();
        JsonNode informatique = rechercher("contrat=" + postes + "&tri=prix_desc", JetonsDeTest.fournisseur());
        assertThat(references(informatique)).containsExactly("ECR-" + suffixe, "CLV-" + suffixe);
        assertThat(informatique.get("elements").get(0).get("contrat").has("souscrit")
                && !informatique.get("elements").get(0).get("contrat").get("souscrit").isNull()).isFalse();
        assertThat(rechercher("contrat=" + bureau, JetonsDeTest.fournisseur()).get("total").asLong()).isZero();

        // The acheteur and information systems: every contract.
        JsonNode tous = rechercher("titulaire=" + JetonsDeTest.SIRET_FOURNISSEUR + "&q=" + encoder("écran")
                + "&contrat=" + postes, JetonsDeTest.acheteur());
        assertThat(references(tous)).containsExactly("ECR-" + suffixe);
        assertThat(tous.get("facettes").get("familleAchat").get(0).get("libelle").asString())
                .isEqualTo("Informatique et télécommunications");
        assertThat(tous.get("facettes").get("tranchesPrix").get(0).get("valeur").asString()).isEqualTo("100-500");
        JsonNode parPrix = rechercher("q=" + encoder("bureau informatiques") + "&prixMin=10&prixMax=24&tri=prix_asc",
                JetonsDeTest.client("systeme-externe", "data:read"));
        assertThat(references(parPrix)).contains("CLV-" + suffixe);
        assertThat(references(rechercher("contrat=" + bureau + "&tri=prix_asc", JetonsDeTest.admin())))
                .containsExactly("CAF-" + suffixe, "AGR-" + suffixe, "CLA-" + suffixe);

        // Subscribed: flagged.
        assertThat(post("/api/catalogue/contrats/" + bureau + "/souscription", agent).statusCode()).isEqualTo(201);
        assertThat(rechercher("q=agrafeuse", agent).get("elements").get(0).get("contrat").get("souscrit").asBoolean())
                .isTrue();

        // Another instance's import reaches this instance's index by the periodic verification (no event crosses
        // instances); the verification leaves everything else as it was.
        String ailleurs = tarifsStockes.ouvrir(postes, Instant.now());
        tarifsStockes.ajouter(ailleurs, 0, List.of(new LigneTarif("SOU-" + suffixe, "Souris optique", "pièce", null,
                new BigDecimal("9.90"), new BigDecimal("20"), null)));
        tarifsStockes.publier(postes, ailleurs, new Tarifs.NouvelleVersion(LocalDate.now(PARIS), SourceVersion.IMPORT,
                "CSV", "autre-instance.csv", null, null, null, 1, Instant.now(), "acheteur"));
        miseAJour.verificationPeriodique();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                rechercher("q=souris&contrat=" + postes, JetonsDeTest.acheteur()).get("total").asLong() == 1);
        assertThat(miseAJour.attendre(Duration.ofSeconds(10))).isTrue();
        assertThat(rechercher("contrat=" + postes, JetonsDeTest.acheteur()).get("total").asLong()).isEqualTo(1);
        assertThat(rechercher("contrat=" + bureau, JetonsDeTest.acheteur()).get("total").asLong()).isEqualTo(3);

        // A new version in force today is searchable within seconds; the lines it dropped are gone.
        long debut = System.nanoTime();
        assertThat(televerser("/api/catalogue/contrats/" + bureau + "/tarifs/versions", JetonsDeTest.acheteur(),
                entete + "AGR-" + suffixe + ";Agrafeuse de bureau chromée;pièce;;13,50;20;30197110-0\n"
                        + "TRB-" + suffixe + ";Trombones galvanisés 28 mm;boîte;boîte de 100;1,20;20;\n",
                LocalDate.now(PARIS).toString()).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> rechercher("q=trombones", agent).get("total").asLong() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - debut)).isLessThan(Duration.ofSeconds(5));
        assertThat(rechercher("q=cafe", agent).get("total").asLong()).isZero();
        assertThat(rechercher("q=agrafeuse", agent).get("elements").get(0).get("prixUnitaireHt").decimalValue())
                .isEqualByComparingTo("13.50");

        // Bounded, French refusals.
        HttpResponse<String> syntaxe = get("/api/catalogue/recherche?q=" + encoder("titre:agrafeuse"), agent);
        assertThat(syntaxe.statusCode()).isEqualTo(400);
        assertThat(syntaxe.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).contains("application/problem+json"));
        assertThat(json.readTree(syntaxe.body()).get("erreurs").get(0).get("champ").asString()).isEqualTo("q");
        assertThat(get("/api/catalogue/recherche?page=50&taille=200", agent).statusCode()).isEqualTo(400);
        assertThat(get("/api/catalogue/recherche?q=agrafeuse", null).statusCode()).isEqualTo(401);
    }

    private JsonNode rechercher(String requete, String jeton) throws Exception {
        HttpResponse<String> reponse = get("/api/catalogue/recherche?" + requete, jeton);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return json.readTree(reponse.body());
    }

    private static List<String> references(JsonNode resultats) {
        List<String> references = new ArrayList<>();
        resultats.get("elements").forEach(e -> references.add(e.get("reference").asString()));
        return references;
    }

    private static String encoder(String valeur) {
        return java.net.URLEncoder.encode(valeur, StandardCharsets.UTF_8);
    }

    private static MarcheNotifieV1 marcheNotifie(String numero, String objet, String titulaireSiret,
            String titulaire, String familleAchat, String cpv, LocalDate debut, List<String> beneficiaires) {
        return new MarcheNotifieV1(numero, "c-" + numero, Integer.parseInt(numero.substring(numero.indexOf("-L") + 2)),
                objet, null, titulaireSiret, titulaire, "ACCORD_CADRE_BONS_DE_COMMANDE", "UNITAIRE",
                new BigDecimal("9800"), new BigDecimal("60000"), null, 24, debut, debut.plusMonths(24).minusDays(1),
                beneficiaires, cpv, familleAchat, "FOURNITURES", "MAPA", Instant.now().minusSeconds(3600),
                Instant.now(), 2, List.of());
    }

    private HttpResponse<String> post(String chemin, String jeton, String corps) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Authorization", "Bearer " + jeton).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> televerser(String chemin, String jeton, String csv, String dateEffet) throws Exception {
        String frontiere = "it" + UUID.randomUUID();
        String corps = "--" + frontiere + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"prix.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + frontiere
                + "\r\nContent-Disposition: form-data; name=\"dateEffet\"\r\n\r\n" + dateEffet + "\r\n--"
                + frontiere + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Authorization", "Bearer " + jeton)
                .header("Content-Type", "multipart/form-data; boundary=" + frontiere)
                .POST(HttpRequest.BodyPublishers.ofString(corps, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String chemin, String jeton) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Authorization", "Bearer " + jeton).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static MarcheNotifieV1 marcheNotifie(String numero, String consultation, LocalDate debut,
            List<String> beneficiaires) {
        return new MarcheNotifieV1(numero, consultation, Integer.parseInt(numero.substring(numero.indexOf("-L") + 2)),
                "Fournitures de bureau", "Papier", "55210055400013", "Papeterie de Bourgogne",
                "ACCORD_CADRE_BONS_DE_COMMANDE", "UNITAIRE", new java.math.BigDecimal("9800"),
                new java.math.BigDecimal("60000"), null, 24, debut, debut.plusMonths(24).minusDays(1), beneficiaires,
                "30197630-1", "FOURNITURES_ADMINISTRATIVES", "FOURNITURES", "MAPA", Instant.now().minusSeconds(3600),
                Instant.now(), 2, List.of(new MarcheNotifieV1.PrixUnitaire("PAP-A4", new java.math.BigDecimal("4.20"))));
    }

    private static AdhesionActiveeV1 activee(String adhesionId, String siren, String nom) {
        return new AdhesionActiveeV1(adhesionId, siren, nom, "COMMUNE", List.of("INFORMATIQUE", "FOURNITURES_ADMINISTRATIVES"),
                "PASSATION_ET_EXECUTION", "D-2026-42", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
    }

    private static ConsultationPublieeV1 publiee(String id, String objet, Instant dlro, List<String> beneficiaires) {
        return new ConsultationPublieeV1(id, objet, "FOURNITURES", "30192000-1", "APPEL_OFFRES_OUVERT",
                new BigDecimal("250000.50"), T0, dlro,
                List.of(new ConsultationPublieeV1.Lot(1, "Papier", new BigDecimal("150000.50"), null),
                        new ConsultationPublieeV1.Lot(2, "Logiciels", new BigDecimal("100000.00"), "48000000-8")),
                List.of(new ConsultationPublieeV1.Critere("Prix", 60, "PRIX"),
                        new ConsultationPublieeV1.Critere("Valeur technique", 40, "TECHNIQUE")),
                beneficiaires);
    }

    private static ConsultationPublieeV1 avecPublicite(ConsultationPublieeV1 p, boolean publicite) {
        return new ConsultationPublieeV1(p.consultationId(), p.objet(), p.nature(), p.cpvPrincipal(), p.procedure(),
                p.valeurEstimeeTotale(), p.datePublication(), p.dlro(), p.lots(), p.criteres(), p.beneficiaires(),
                publicite);
    }

    /**
     * Waits until everything produced so far with this key was consumed: one aggregate's events share a
     * partition, so once a marker sent after them is applied, they were too.
     */
    private void attendreTraitementDesEvenementsAdhesionDeCle(String cle) throws Exception {
        String temoin = nouveauSiren();
        produire(Evenements.ADHESION_ACTIVEE, cle, UUID.randomUUID().toString(), Instant.now(),
                activee(UUID.randomUUID().toString(), temoin, "Témoin " + temoin));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(temoin, Document.class, "membres") != null);
    }

    private void attendreTraitementDesEvenementsMarcheDeCle(String cle) throws Exception {
        String temoin = UUID.randomUUID().toString();
        produire(Evenements.CONSULTATION_CLOTUREE, cle, UUID.randomUUID().toString(), Instant.now(),
                new ConsultationClotureeV1(temoin, Instant.now(), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(temoin, Document.class, "consultations") != null);
    }

    private <T> void produire(TypeEvenement<T> type, String cle, String evenementId, Instant date, T donnees) throws Exception {
        produire(type, cle, evenementId, date, json.writeValueAsBytes(donnees));
    }

    private void produire(TypeEvenement<?> type, String cle, String evenementId, Instant date, byte[] donnees) throws Exception {
        produireBrut(type.topic().nom(), cle, CloudEventBuilder.v1().withId(evenementId)
                .withSource(URI.create(type.topic().source())).withType(type.ceType()).withSubject(cle)
                .withTime(date.atOffset(ZoneOffset.UTC)).withDataSchema(URI.create(type.dataSchema()))
                .withExtension("correlationid", "it-" + evenementId).withDataContentType("application/json")
                .withData(donnees).build());
    }

    private void produireBrut(String topic, String cle, CloudEvent evenement) throws Exception {
        producteur().send(new ProducerRecord<>(topic, cle, evenement)).get();
    }

    private synchronized KafkaProducer<String, CloudEvent> producteur() {
        if (producteur == null) {
            producteur = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers(), "linger.ms", 0),
                    new StringSerializer(), new CloudEventSerializer());
        }
        return producteur;
    }

    private String statut(String id, String collection) {
        Document doc = mongo.findById(id, Document.class, collection);
        return doc == null ? "" : String.valueOf(doc.getString("statut"));
    }

    private List<String> ids(String requete) throws Exception {
        String pagee = requete + (requete.isEmpty() ? "?" : "&") + "taille=200";
        HttpResponse<String> reponse = get("/api/catalogue/consultations-ouvertes" + pagee, JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON));
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return new ArrayList<>(json.readTree(reponse.body()).findValuesAsString("consultationId"));
    }

    private static JsonNode trouver(JsonNode liste, String champ, String valeur) {
        for (JsonNode element : liste) {
            if (valeur.equals(element.get(champ).asString())) {
                return element;
            }
        }
        return null;
    }

    private static String entete(ConsumerRecord<String, byte[]> record, String nom) {
        var entete = record.headers().lastHeader(nom);
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
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

    HttpResponse<String> get(String chemin, String jeton) throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).GET();
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }
}
