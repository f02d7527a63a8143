package fr.centraleachat.adhesion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.adhesion.adhesion.application.Adhesions;
import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.membre.application.SemisMembres;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.test.HorlogeReglable;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import fr.centraleachat.adhesion.adhesion.application.ChangementsPlanifies;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adhésion scenario through HTTP with real tokens, a real Kafka broker and a MongoDB store; subclasses say
 * which broker and store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.adhesion.changements.intervalle=200ms", "centrale.adhesion.changements.delai-initial=200ms"})
@Import({JetonsDeTest.Configuration.class, ScenarioAdhesion.Horloge.class})
abstract class ScenarioAdhesion {

    /** A clock the tests move forward to reach effective dates; it starts at the real time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Horloge {
        @Bean
        HorlogeReglable horlogeReglable() {
            return new HorlogeReglable(Instant.now());
        }
    }

    private static final String TALANT = JetonsDeTest.SIREN_TALANT;
    private static final String DIJON = JetonsDeTest.SIREN_DIJON;
    private static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @LocalServerPort
    int port;

    @Autowired
    SemisMembres semis;

    @Autowired
    Adhesions adhesions;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    ChangementsPlanifies changementsPlanifies;

    @AfterEach
    void remettreLHorloge() {
        horloge.regler(Instant.now());
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Bootstrap servers of the broker the service publishes to. */
    protected abstract String bootstrapServers();

    @Test
    void seedsDijonMetropoleMembersOnceAndAnyAuthenticatedCallerListsThem() throws Exception {
        Reponse liste = appeler("GET", "/api/adhesion/membres", JetonsDeTest.fournisseur(), null, null);
        assertThat(liste.statut()).as(liste.corps()).isEqualTo(200);
        List<String> noms = new ArrayList<>();
        for (JsonNode membre : liste.json().get("elements")) {
            noms.add(membre.get("nom").asString());
        }
        assertThat(noms).contains("Dijon Métropole", "Chenôve", "Fénay");

        JsonNode talant = appeler("GET", "/api/adhesion/membres/" + TALANT, JetonsDeTest.agent(DIJON), null, null).json();
        assertThat(talant.get("type").asString()).isEqualTo("COMMUNE");
        assertThat(talant.get("codeInsee").asString()).isEqualTo("21617");
        assertThat(talant.get("identifiantsAVerifier").asBoolean()).isTrue();

        // A restart (or a second instance) adds nothing.
        assertThat(semis.semerDepuisFichier()).isZero();
        assertThat(appeler("GET", "/api/adhesion/membres?type=COMMUNE", JetonsDeTest.admin(), null, null).json()
                .get("total").asLong()).isEqualTo(23);
    }

    @Test
    void pagesMembersInFrenchAlphabeticalOrder() throws Exception {
        List<String> noms = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || noms.size() < total; page++) {
            JsonNode reponse = appeler("GET", "/api/adhesion/membres?type=COMMUNE&taille=5&page=" + page,
                    JetonsDeTest.acheteur(), null, null).json();
            total = reponse.get("total").asLong();
            assertThat(reponse.get("taille").asInt()).isEqualTo(5);
            assertThat(reponse.get("elements").size()).isBetween(1, 5);
            reponse.get("elements").forEach(m -> noms.add(m.get("nom").asString()));
        }
        assertThat(noms).hasSize(23).doesNotHaveDuplicates();
        assertThat(noms.indexOf("Fénay")).isLessThan(noms.indexOf("Flavignerot"));
        assertThat(noms.indexOf("Flavignerot")).isLessThan(noms.indexOf("Fontaine-lès-Dijon"));
        assertThat(noms.get(0)).isEqualTo("Ahuy");
        assertThat(noms.get(noms.size() - 1)).isEqualTo("Talant");

        assertThat(appeler("GET", "/api/adhesion/membres?taille=201", JetonsDeTest.acheteur(), null, null).statut())
                .isEqualTo(400);
        assertThat(appeler("GET", "/api/adhesion/membres?page=-1", JetonsDeTest.acheteur(), null, null).statut())
                .isEqualTo(400);
    }

    @Test
    void activationEffectiveLaterTakesEffectOnItsDateWithItsEvent() throws Exception {
        String siren = enregistrerMembre("CCAS différé");
        String acheteur = JetonsDeTest.acheteur();
        String id = appeler("POST", "/api/adhesion/adhesions", acheteur, demande(siren), null).json().get("id").asString();
        appeler("POST", chemin(id, "deliberation"), acheteur,
                "{\"numero\":\"D-DIFF\",\"date\":\"" + AUJOURDHUI.minusDays(3) + "\"}", null);
        LocalDate effet = AUJOURDHUI.plusDays(40);

        Reponse planifiee = appeler("POST", chemin(id, "activation"), acheteur,
                "{\"dateSignatureConvention\":\"" + AUJOURDHUI + "\",\"dateEffet\":\"" + effet + "\"}", null);

        assertThat(planifiee.statut()).as(planifiee.corps()).isEqualTo(200);
        assertThat(planifiee.json().get("statut").asString()).isEqualTo("DELIBEREE");
        assertThat(planifiee.json().get("dateEffet").asString()).isEqualTo(effet.toString());
        assertThat(planifiee.json().get("changementPrevu").get("type").asString()).isEqualTo("ACTIVATION");
        assertThat(planifiee.json().get("changementPrevu").get("dateEffet").asString()).isEqualTo(effet.toString());
        assertThat(changementsPlanifies.appliquerLesChangementsEchus()).isZero();
        assertThat(statutDe(id)).isEqualTo("DELIBEREE");
        assertThat(typesPublies(id, Duration.ofSeconds(2))).isEmpty();

        // The periodic job applies it once its effective date has come.
        horloge.regler(effet.atTime(12, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        await().atMost(Duration.ofSeconds(15)).until(() -> "ACTIVE".equals(statutDe(id)));
        Reponse active = appeler("GET", "/api/adhesion/adhesions/" + id, acheteur, null, null);
        assertThat(active.json().get("changementPrevu").isNull()).as(active.corps()).isTrue();

        List<ConsumerRecord<String, byte[]>> evenements = evenementsDe(id, 1);
        assertThat(entete(evenements.get(0), "ce_type")).isEqualTo("fr.centraleachat.adhesion.AdhesionActivee.v1");
        assertThat(json.readTree(evenements.get(0).value()).get("dateEffet").asString()).isEqualTo(effet.toString());
        // Applied once: later passes find nothing due and publish nothing more.
        assertThat(changementsPlanifies.appliquerLesChangementsEchus()).isZero();
        assertThat(typesPublies(id, Duration.ofSeconds(2))).containsExactly("fr.centraleachat.adhesion.AdhesionActivee.v1");
    }

    @Test
    void agentRequestsAdhesionForItsOwnMemberAndOtherMembersCannotSeeIt() throws Exception {
        Reponse creee = appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.agent(TALANT), demande(TALANT), null);
        assertThat(creee.statut()).as(creee.corps()).isEqualTo(201);
        JsonNode adhesion = creee.json();
        String id = adhesion.get("id").asString();
        // Named at the public address of the centrale, whatever address the service was called on.
        assertThat(creee.entete("Location")).isEqualTo("http://localhost:8080/api/adhesion/adhesions/" + id);
        assertThat(adhesion.get("statut").asString()).isEqualTo("DEMANDEE");
        assertThat(adhesion.get("nomMembre").asString()).isEqualTo("Talant");
        assertThat(adhesion.get("siren").asString()).isEqualTo(TALANT);
        assertThat(adhesion.get("missions").asString()).isEqualTo("PASSATION_ET_EXECUTION");
        assertThat(adhesion.get("famillesAchat").toString()).contains("INFORMATIQUE_TELECOMS", "FOURNITURES_ADMINISTRATIVES");
        assertThat(adhesion.get("version").asLong()).isZero();

        assertThat(appeler("GET", "/api/adhesion/adhesions/" + id, JetonsDeTest.agent(TALANT), null, null).statut())
                .isEqualTo(200);
        Reponse cachee = appeler("GET", "/api/adhesion/adhesions/" + id, JetonsDeTest.agent(DIJON), null, null);
        assertThat(cachee.statut()).isEqualTo(404);
        assertThat(cachee.corps()).doesNotContain(TALANT).doesNotContain("Talant");
        assertThat(ids(appeler("GET", "/api/adhesion/adhesions", JetonsDeTest.agent(DIJON), null, null))).doesNotContain(id);
        assertThat(ids(appeler("GET", "/api/adhesion/adhesions", JetonsDeTest.agent(TALANT), null, null))).contains(id);
        assertThat(appeler("GET", "/api/adhesion/adhesions?siren=" + TALANT, JetonsDeTest.agent(DIJON), null, null)
                .statut()).isEqualTo(403);
        assertThat(ids(appeler("GET", "/api/adhesion/adhesions?siren=" + TALANT + "&statut=DEMANDEE",
                JetonsDeTest.acheteur(), null, null))).contains(id);
        assertThat(ids(appeler("GET", "/api/adhesion/adhesions?siren=" + TALANT + "&statut=ACTIVE",
                JetonsDeTest.acheteur(), null, null))).doesNotContain(id);

        Reponse autreMembre = appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.agent(DIJON), demande(TALANT), null);
        assertThat(autreMembre.statut()).isEqualTo(403);
        assertThat(autreMembre.entete("Content-Type")).contains("application/problem+json");

        Reponse doublon = appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.acheteur(), demande(TALANT), null);
        assertThat(doublon.statut()).as(doublon.corps()).isEqualTo(409);
        assertThat(doublon.json().get("detail").asString()).contains("déjà une adhésion en cours");
    }

    @Test
    void runsTheWholeLifecycleAndPublishesCloudEvents() throws Exception {
        String siren = enregistrerMembre("CCAS de test");
        String acheteur = JetonsDeTest.acheteur();
        String id = appeler("POST", "/api/adhesion/adhesions", acheteur, demande(siren), null).json().get("id").asString();

        Reponse prematuree = appeler("POST", chemin(id, "activation"), acheteur, activation(), null);
        assertThat(prematuree.statut()).as(prematuree.corps()).isEqualTo(409);
        assertThat(prematuree.json().get("etatActuel").asString()).isEqualTo("DEMANDEE");

        String dateDeliberation = AUJOURDHUI.minusDays(7).toString();
        Reponse deliberee = appeler("POST", chemin(id, "deliberation"), acheteur,
                "{\"numero\":\"2026-DEL-042\",\"date\":\"" + dateDeliberation + "\"}", null);
        assertThat(deliberee.statut()).as(deliberee.corps()).isEqualTo(200);
        assertThat(deliberee.json().get("statut").asString()).isEqualTo("DELIBEREE");
        assertThat(deliberee.json().get("deliberation").get("numero").asString()).isEqualTo("2026-DEL-042");
        assertThat(deliberee.json().get("deliberation").get("date").asString()).isEqualTo(dateDeliberation);

        Reponse activee = appeler("POST", chemin(id, "activation"), acheteur, activation(), "activation-" + id);
        assertThat(activee.statut()).as(activee.corps()).isEqualTo(200);
        assertThat(activee.json().get("statut").asString()).isEqualTo("ACTIVE");
        assertThat(activee.json().get("dateEffet").asString()).isEqualTo(AUJOURDHUI.toString());
        assertThat(activee.json().get("version").asLong()).isEqualTo(2);

        Reponse suspendue = appeler("POST", chemin(id, "suspension"), acheteur, "{\"motif\":\"Convention à revoir\"}", null);
        assertThat(suspendue.json().get("statut").asString()).as(suspendue.corps()).isEqualTo("SUSPENDUE");
        assertThat(suspendue.json().get("motifSuspension").asString()).isEqualTo("Convention à revoir");
        Reponse reprise = appeler("POST", chemin(id, "reprise"), acheteur, null, null);
        assertThat(reprise.json().get("statut").asString()).as(reprise.corps()).isEqualTo("ACTIVE");
        assertThat(reprise.json().get("motifSuspension").isNull()).isTrue();
        Reponse relue = appeler("GET", "/api/adhesion/adhesions/" + id, acheteur, null, null);
        assertThat(relue.json().get("motifSuspension").isNull()).as("stored: " + relue.corps()).isTrue();
        assertThat(relue.json().get("dateSuspension").isNull()).as("stored: " + relue.corps()).isTrue();
        LocalDate finAdhesion = AUJOURDHUI.plusMonths(1);
        Reponse resiliee = appeler("POST", chemin(id, "resiliation"), acheteur,
                "{\"dateEffet\":\"" + finAdhesion + "\",\"motif\":\"Départ de la centrale\"}", null);
        assertThat(resiliee.statut()).as(resiliee.corps()).isEqualTo(200);
        // Dated ahead: the member stays active until then, and cannot ask for a second adhésion meanwhile.
        assertThat(resiliee.json().get("statut").asString()).isEqualTo("ACTIVE");
        assertThat(resiliee.json().get("changementPrevu").get("type").asString()).isEqualTo("RESILIATION");
        assertThat(resiliee.json().get("changementPrevu").get("dateEffet").asString()).isEqualTo(finAdhesion.toString());
        assertThat(resiliee.json().get("changementPrevu").get("motif").asString()).isEqualTo("Départ de la centrale");
        assertThat(appeler("POST", "/api/adhesion/adhesions", acheteur, demande(siren), null).statut()).isEqualTo(409);

        horloge.regler(finAdhesion.atTime(12, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        await().atMost(Duration.ofSeconds(15)).until(() -> "RESILIEE".equals(statutDe(id)));
        Reponse terminee = appeler("GET", "/api/adhesion/adhesions/" + id, acheteur, null, null);
        assertThat(terminee.json().get("dateResiliation").asString()).isEqualTo(finAdhesion.toString());
        assertThat(terminee.json().get("changementPrevu").isNull()).isTrue();

        assertThat(appeler("POST", chemin(id, "reprise"), acheteur, null, null).statut()).isEqualTo(409);
        // Once terminated, the member may ask again.
        assertThat(appeler("POST", "/api/adhesion/adhesions", acheteur, demande(siren), null).statut()).isEqualTo(201);

        List<ConsumerRecord<String, byte[]>> evenements = evenementsDe(id, 4);
        assertThat(evenements).extracting(r -> entete(r, "ce_type")).containsExactly(
                "fr.centraleachat.adhesion.AdhesionActivee.v1", "fr.centraleachat.adhesion.AdhesionSuspendue.v1",
                "fr.centraleachat.adhesion.AdhesionReprise.v1", "fr.centraleachat.adhesion.AdhesionResiliee.v1");
        ConsumerRecord<String, byte[]> activation = evenements.get(0);
        assertThat(activation.key()).isEqualTo(id);
        assertThat(entete(activation, "ce_subject")).isEqualTo(id);
        assertThat(entete(activation, "ce_id")).isNotBlank();
        assertThat(entete(activation, "ce_correlationid")).isEqualTo("activation-" + id);
        JsonNode donnees = json.readTree(activation.value());
        assertThat(donnees.get("adhesionId").asString()).isEqualTo(id);
        assertThat(donnees.get("siren").asString()).isEqualTo(siren);
        assertThat(donnees.get("nomMembre").asString()).isEqualTo("CCAS de test");
        assertThat(donnees.get("typeMembre").asString()).isEqualTo("CCAS");
        assertThat(donnees.get("missions").asString()).isEqualTo("PASSATION_ET_EXECUTION");
        assertThat(donnees.get("numeroDeliberation").asString()).isEqualTo("2026-DEL-042");
        assertThat(donnees.get("dateEffet").asString()).isEqualTo(AUJOURDHUI.toString());
        assertThat(json.readTree(evenements.get(3).value()).get("motif").asString()).isEqualTo("Départ de la centrale");
        assertThat(json.readTree(evenements.get(3).value()).get("dateEffet").asString()).isEqualTo(finAdhesion.toString());
    }

    @Test
    void partnerEpciIsRegisteredButCannotAdhere() throws Exception {
        String siren = enregistrerMembre("EPCI_PARTENAIRE Ouche et Montagne");

        Reponse refus = appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.acheteur(), demande(siren), null);

        assertThat(refus.statut()).as(refus.corps()).isEqualTo(409);
        assertThat(refus.json().get("detail").asString()).contains("groupements de commandes");
        assertThat(ids(appeler("GET", "/api/adhesion/adhesions?siren=" + siren, JetonsDeTest.acheteur(), null, null)))
                .isEmpty();
    }

    @Test
    void refusalsReadAsCorrectFrench() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        String id = appeler("POST", "/api/adhesion/adhesions", acheteur, demande(enregistrerMembre("EPL élision")), null)
                .json().get("id").asString();

        Reponse refus = appeler("POST", chemin(id, "activation"), acheteur, activation(), null);

        assertThat(refus.statut()).isEqualTo(409);
        assertThat(refus.json().get("detail").asString())
                .isEqualTo("Impossible d'activer l'adhésion : l'état actuel est DEMANDEE.");
    }

    @Test
    void storeRefusesASecondAdhesionInProgressEvenWhenTheCheckIsRaced() throws Exception {
        Siren siren = new Siren(enregistrerMembre("EPL concurrent"));
        Adhesion premiere = Adhesion.demander(AdhesionId.nouveau(), siren, Set.of(FamilleAchat.ENERGIE),
                Missions.PASSATION, AUJOURDHUI);
        Adhesion seconde = Adhesion.demander(AdhesionId.nouveau(), siren, Set.of(FamilleAchat.ASSURANCES),
                Missions.PASSATION, AUJOURDHUI);

        assertThat(adhesions.ajouter(premiere, List.of())).isTrue();
        assertThat(adhesions.ajouter(seconde, List.of())).isFalse();
        assertThat(adhesions.trouver(seconde.id())).isEmpty();

        String autre = enregistrerMembre("CCAS concurrent");
        var requetes = List.of(
                CompletableFuture.supplyAsync(() -> appelerSansErreur(demande(autre))),
                CompletableFuture.supplyAsync(() -> appelerSansErreur(demande(autre))));
        List<Integer> statuts = requetes.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuts).containsExactly(201, 409);
    }

    private int appelerSansErreur(String corps) {
        try {
            return appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.acheteur(), corps, null).statut();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesCallersWithoutTokenOrWithoutTheRightRole() throws Exception {
        Reponse sansJeton = appeler("GET", "/api/adhesion/adhesions", null, null, "sans-jeton");
        assertThat(sansJeton.statut()).isEqualTo(401);
        assertThat(sansJeton.entete("X-Correlation-Id")).isEqualTo("sans-jeton");

        String siren = enregistrerMembre("EPL de test");
        String id = appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.admin(), demande(siren), null)
                .json().get("id").asString();
        Reponse agent = appeler("POST", chemin(id, "deliberation"), JetonsDeTest.agent(TALANT),
                "{\"numero\":\"D-1\",\"date\":\"" + AUJOURDHUI + "\"}", null);
        assertThat(agent.statut()).isEqualTo(403);
        assertThat(agent.json().get("title").asString()).isEqualTo("Accès refusé");
        assertThat(appeler("GET", "/api/adhesion/adhesions/" + id, JetonsDeTest.fournisseur(), null, null).statut())
                .isEqualTo(403);
        assertThat(appeler("POST", "/api/adhesion/adhesions", JetonsDeTest.fournisseur(), demande(siren), null).statut())
                .isEqualTo(403);
        assertThat(appeler("POST", "/api/adhesion/membres", JetonsDeTest.acheteur(),
                "{\"siren\":\"" + sirenAleatoire() + "\",\"nom\":\"EPL\",\"type\":\"EPL\"}", null).statut()).isEqualTo(403);
    }

    @Test
    void rejectsInvalidInputWithPerFieldFrenchMessages() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        String sirenFaux = TALANT.substring(0, 8) + ((TALANT.charAt(8) - '0' + 1) % 10);
        Reponse mauvaiseCle = appeler("POST", "/api/adhesion/adhesions", acheteur, demande(sirenFaux), null);
        assertChamp(mauvaiseCle, "siren", "clé de contrôle");

        assertChamp(appeler("POST", "/api/adhesion/adhesions", acheteur,
                "{\"siren\":\"" + TALANT + "\",\"famillesAchat\":[],\"missions\":\"PASSATION\"}", null),
                "famillesAchat", "famille d'achat");
        assertChamp(appeler("POST", "/api/adhesion/adhesions", acheteur,
                "{\"siren\":\"" + TALANT + "\",\"famillesAchat\":[\"JARDINAGE\"],\"missions\":\"PASSATION\"}", null),
                "famillesAchat", "");
        assertChamp(appeler("POST", "/api/adhesion/adhesions", acheteur,
                "{\"siren\":\"" + TALANT + "\",\"famillesAchat\":[\"ENERGIE\"],\"missions\":42}", null), "missions", "");
        assertChamp(appeler("POST", "/api/adhesion/adhesions", acheteur,
                "{\"siren\":\"" + TALANT + "\",\"famillesAchat\":[\"ENERGIE\"]}", null), "missions", "obligatoires");
        assertChamp(appeler("POST", "/api/adhesion/adhesions", acheteur, demande(sirenAleatoire()), null),
                "siren", "enregistré");

        Reponse malforme = appeler("POST", "/api/adhesion/adhesions", acheteur, "{\"siren\":", null);
        assertThat(malforme.statut()).isEqualTo(400);
        assertThat(malforme.json().get("detail").asString()).contains("JSON");
        assertThat(appeler("GET", "/api/adhesion/adhesions/pas-un-uuid", acheteur, null, null).statut()).isEqualTo(400);
        assertThat(appeler("GET", "/api/adhesion/adhesions?statut=INCONNU", acheteur, null, null).statut()).isEqualTo(400);
        assertThat(appeler("GET", "/api/adhesion/membres/123456789", acheteur, null, null).statut()).isEqualTo(400);
        assertThat(appeler("GET", "/api/adhesion/membres/" + sirenAleatoire(), acheteur, null, null).statut())
                .isEqualTo(404);
        assertThat(appeler("GET", "/api/adhesion/adhesions/" + UUID.randomUUID(), acheteur, null, null).statut())
                .isEqualTo(404);

        String id = appeler("POST", "/api/adhesion/adhesions", acheteur, demande(enregistrerMembre("EPCI de test")), null)
                .json().get("id").asString();
        assertChamp(appeler("POST", chemin(id, "deliberation"), acheteur,
                "{\"numero\":\"D-9\",\"date\":\"" + AUJOURDHUI.plusDays(3) + "\"}", null), "date", "futur");
        assertChamp(appeler("POST", chemin(id, "deliberation"), acheteur, "{\"numero\":\" \",\"date\":\"2026-13-45\"}", null),
                "date", "");
        assertChamp(appeler("POST", chemin(id, "deliberation"), acheteur, "{\"date\":\"" + AUJOURDHUI + "\"}", null),
                "numero", "obligatoire");
        appeler("POST", chemin(id, "deliberation"), acheteur, "{\"numero\":\"D-9\",\"date\":\"" + AUJOURDHUI + "\"}", null);
        assertChamp(appeler("POST", chemin(id, "activation"), acheteur, "{\"dateSignatureConvention\":\""
                + AUJOURDHUI.minusDays(1) + "\",\"dateEffet\":\"" + AUJOURDHUI + "\"}", null),
                "dateSignatureConvention", "avant la délibération");

        assertChamp(appeler("POST", "/api/adhesion/membres", JetonsDeTest.admin(),
                "{\"siren\":\"" + sirenAleatoire() + "\",\"nom\":\"Commune sans code\",\"type\":\"COMMUNE\"}", null),
                "codeInsee", "INSEE");
        assertChamp(appeler("POST", "/api/adhesion/membres", JetonsDeTest.admin(),
                "{\"siren\":\"" + sirenAleatoire() + "\",\"nom\":\"X\",\"type\":\"COMMUNE\",\"codeInsee\":\"2A1\"}", null),
                "codeInsee", "INSEE");
        Reponse dejaEnregistre = appeler("POST", "/api/adhesion/membres", JetonsDeTest.admin(),
                "{\"siren\":\"" + TALANT + "\",\"nom\":\"Talant\",\"type\":\"COMMUNE\",\"codeInsee\":\"21617\"}", null);
        assertThat(dejaEnregistre.statut()).isEqualTo(409);
    }

    private void assertChamp(Reponse reponse, String champ, String extrait) {
        assertThat(reponse.statut()).as(reponse.corps()).isEqualTo(400);
        assertThat(reponse.entete("Content-Type")).contains("application/problem+json");
        JsonNode erreurs = reponse.json().get("erreurs");
        assertThat(erreurs).as(reponse.corps()).isNotEmpty();
        boolean trouve = false;
        for (JsonNode erreur : erreurs) {
            if (erreur.get("champ").asString().startsWith(champ) && erreur.get("message").asString().contains(extrait)) {
                trouve = true;
            }
        }
        assertThat(trouve).as("field " + champ + " in " + reponse.corps()).isTrue();
    }

    private String enregistrerMembre(String nom) throws Exception {
        String type = nom.split(" ")[0];
        String siren = sirenAleatoire();
        Reponse reponse = appeler("POST", "/api/adhesion/membres", JetonsDeTest.admin(),
                "{\"siren\":\"" + siren + "\",\"nom\":\"" + nom + "\",\"type\":\"" + type + "\"}", null);
        assertThat(reponse.statut()).as(reponse.corps()).isEqualTo(201);
        assertThat(reponse.json().get("identifiantsAVerifier").asBoolean()).isFalse();
        return siren;
    }

    /** A Luhn-valid SIREN outside the seeded range. */
    private static String sirenAleatoire() {
        String base = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (int cle = 0; cle < 10; cle++) {
            String candidat = base + cle;
            if (luhn(candidat)) {
                return candidat;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String chiffres) {
        int somme = 0;
        for (int i = 0; i < chiffres.length(); i++) {
            int c = chiffres.charAt(chiffres.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                c = c * 2 > 9 ? c * 2 - 9 : c * 2;
            }
            somme += c;
        }
        return somme % 10 == 0;
    }

    private static String demande(String siren) {
        return "{\"siren\":\"" + siren + "\",\"famillesAchat\":[\"INFORMATIQUE_TELECOMS\",\"FOURNITURES_ADMINISTRATIVES\"],"
                + "\"missions\":\"PASSATION_ET_EXECUTION\"}";
    }

    private static String activation() {
        return "{\"dateSignatureConvention\":\"" + AUJOURDHUI + "\",\"dateEffet\":\"" + AUJOURDHUI + "\"}";
    }

    private static String chemin(String id, String etape) {
        return "/api/adhesion/adhesions/" + id + "/" + etape;
    }

    private List<String> ids(Reponse reponse) {
        assertThat(reponse.statut()).as(reponse.corps()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reponse.json().get("elements").forEach(a -> ids.add(a.get("id").asString()));
        return ids;
    }

    private String statutDe(String id) throws Exception {
        return appeler("GET", "/api/adhesion/adhesions/" + id, JetonsDeTest.acheteur(), null, null).json()
                .get("statut").asString();
    }

    /** Types of the events published for this key within {@code duree}. */
    private List<String> typesPublies(String cle, Duration duree) {
        List<String> types = new ArrayList<>();
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of("centrale.adhesion.v1"));
            long fin = System.nanoTime() + duree.toNanos();
            while (System.nanoTime() < fin) {
                for (var record : consommateur.poll(Duration.ofMillis(300))) {
                    if (cle.equals(record.key())) {
                        types.add(entete(record, "ce_type"));
                    }
                }
            }
        }
        return types;
    }

    private List<ConsumerRecord<String, byte[]>> evenementsDe(String cle, int attendus) {
        List<ConsumerRecord<String, byte[]>> recus = new ArrayList<>();
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of("centrale.adhesion.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(500))) {
                    if (cle.equals(record.key())) {
                        recus.add(record);
                    }
                }
                return recus.size() >= attendus;
            });
        }
        return recus;
    }

    private static String entete(ConsumerRecord<String, byte[]> record, String nom) {
        var entete = record.headers().lastHeader(nom);
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
    }

    private Reponse appeler(String methode, String chemin, String jeton, String corps, String correlation)
            throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(corps));
        if (corps != null) {
            requete.header("Content-Type", "application/json");
        }
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        if (correlation != null) {
            requete.header("X-Correlation-Id", correlation);
        }
        HttpResponse<String> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
        return new Reponse(reponse, json);
    }

    record Reponse(HttpResponse<String> brute, JsonMapper mappeur) {

        int statut() {
            return brute.statusCode();
        }

        String corps() {
            return brute.body();
        }

        String entete(String nom) {
            return brute.headers().firstValue(nom).orElse("");
        }

        JsonNode json() {
            return mappeur.readTree(brute.body());
        }
    }
}
