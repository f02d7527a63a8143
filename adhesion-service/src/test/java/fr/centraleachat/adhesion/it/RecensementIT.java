package fr.centraleachat.adhesion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.adhesion.recensement.application.CloturesRecensements;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The recensement des besoins through HTTP with real tokens, the embedded Kafka broker and mongo-java-server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.recensement.cloture.intervalle=200ms", "centrale.recensement.cloture.delai-initial=200ms"})
@Import({JetonsDeTest.Configuration.class, RecensementIT.Horloge.class})
class RecensementIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Horloge {
        @Bean
        HorlogeReglable horlogeReglable() {
            return new HorlogeReglable(Instant.now());
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "adhesion-recensement-it");
    }

    private static final String DIJON = JetonsDeTest.SIREN_DIJON;
    private static final String TALANT = JetonsDeTest.SIREN_TALANT;
    private static final String CLOS = "fr.centraleachat.adhesion.RecensementClos.v1";

    @LocalServerPort
    int port;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    CloturesRecensements clotures;

    private OutilsIT outils;

    @BeforeEach
    void preparer() {
        outils = new OutilsIT(port);
    }

    @AfterEach
    void remettreLHorloge() {
        horloge.regler(Instant.now());
    }

    @Test
    void membersDeclareThenTheAcheteurClosesAndTheConsolidationIsPublishedOnce() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        String ccas = outils.enregistrerMembre("CCAS", "CCAS de Dijon");
        String silencieux = outils.enregistrerMembre("EPL", "EPL silencieuse");
        String absent = outils.enregistrerMembre("EPL", "EPL non invitée");
        OutilsIT.Reponse ouvert = outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(List.of(DIJON, TALANT, ccas, silencieux), Instant.now().plus(Duration.ofDays(20))));
        assertThat(ouvert.statut()).as(ouvert.corps()).isEqualTo(201);
        String id = ouvert.json().get("id").asString();
        assertThat(ouvert.json().get("statut").asString()).isEqualTo("OUVERT");
        assertThat(ouvert.json().get("lots").get(1).get("numero").asInt()).isEqualTo(2);

        String dijon = JetonsDeTest.agent(DIJON);
        assertThat(declarer(id, DIJON, dijon, besoin(1, "100", "450.50") + "," + aucun(2)).statut()).isEqualTo(200);
        OutilsIT.Reponse change = declarer(id, DIJON, dijon, besoin(1, "120", "500") + "," + aucun(2));
        assertThat(change.statut()).as(change.corps()).isEqualTo(200);
        assertThat(change.json().get("revision").asLong()).isEqualTo(2);
        assertThat(change.json().get("nomMembre").asString()).isEqualTo("Dijon");
        assertThat(declarer(id, TALANT, JetonsDeTest.agent(TALANT), aucun(1) + "," + aucun(2)).statut()).isEqualTo(200);
        assertThat(declarer(id, ccas, acheteur, besoin(1, "10", "45.10") + "," + besoin(2, "5", "30")).statut())
                .isEqualTo(200);

        // An agent acts for its own body only; a body that is not invited sees nothing.
        OutilsIT.Reponse pourAutrui = declarer(id, TALANT, dijon, aucun(1) + "," + aucun(2));
        assertThat(pourAutrui.statut()).isEqualTo(403);
        assertThat(outils.appeler("GET", "/api/adhesion/recensements/" + id, JetonsDeTest.agent(absent), null).statut())
                .isEqualTo(404);
        assertThat(declarer(id, absent, acheteur, aucun(1) + "," + aucun(2)).statut()).isEqualTo(409);
        JsonNode vueAgent = outils.appeler("GET", "/api/adhesion/recensements/" + id, dijon, null).json();
        assertThat(vueAgent.get("suivi").isNull()).isTrue();
        assertThat(vueAgent.get("membresInvites").isNull()).isTrue();
        assertThat(outils.appeler("GET", "/api/adhesion/recensements/" + id + "/declarations/" + DIJON,
                JetonsDeTest.agent(TALANT), null).statut()).isEqualTo(403);

        JsonNode suivi = outils.appeler("GET", "/api/adhesion/recensements/" + id, acheteur, null).json().get("suivi");
        assertThat(suivi).hasSize(4);
        List<String> sansReponse = new ArrayList<>();
        suivi.forEach(s -> {
            if (!s.get("repondu").asBoolean()) {
                sansReponse.add(s.get("siren").asString());
            }
        });
        assertThat(sansReponse).containsExactly(silencieux);

        OutilsIT.Reponse relance = outils.appeler("POST", "/api/adhesion/recensements/" + id + "/relances", acheteur, null);
        assertThat(relance.statut()).as(relance.corps()).isEqualTo(200);
        assertThat(relance.json().get("membresRelances").get(0).get("siren").asString()).isEqualTo(silencieux);

        OutilsIT.Reponse clos = outils.appeler("POST", "/api/adhesion/recensements/" + id + "/cloture", acheteur, null);
        assertThat(clos.statut()).as(clos.corps()).isEqualTo(200);
        assertThat(clos.json().get("statut").asString()).isEqualTo("CLOS");
        assertThat(clos.json().get("consolidation").get("lots").get(0).get("quantiteTotale").decimalValue())
                .isEqualByComparingTo("130");

        List<ConsumerRecord<String, byte[]>> evenements = outils.evenementsDe(id, 7);
        assertThat(evenements).extracting(OutilsIT::type).containsExactly(
                "fr.centraleachat.adhesion.RecensementOuvert.v1", "fr.centraleachat.adhesion.BesoinsDeclares.v1",
                "fr.centraleachat.adhesion.BesoinsDeclares.v1", "fr.centraleachat.adhesion.BesoinsDeclares.v1",
                "fr.centraleachat.adhesion.BesoinsDeclares.v1", "fr.centraleachat.adhesion.RecensementRelance.v1", CLOS);
        JsonNode relanceV1 = outils.donnees(evenements.get(5));
        assertThat(relanceV1.get("membresSansReponse").toString()).isEqualTo("[\"" + silencieux + "\"]");
        JsonNode consolide = outils.donnees(evenements.get(6));
        assertThat(consolide.get("recensementId").asString()).isEqualTo(id);
        assertThat(consolide.get("ouvertPar").asString()).isNotBlank();
        assertThat(consolide.get("cpvPrincipal").asString()).isEqualTo("30192000-1");
        JsonNode lot1 = consolide.get("lots").get(0);
        assertThat(lot1.get("numero").asInt()).isEqualTo(1);
        assertThat(lot1.get("description").asString()).isEqualTo("Papier A4");
        assertThat(lot1.get("quantiteTotale").decimalValue()).isEqualByComparingTo("130");
        assertThat(lot1.get("montantEstimeTotalHt").decimalValue()).isEqualByComparingTo("545.10");
        assertThat(lot1.get("besoins")).hasSize(2);
        assertThat(lot1.get("besoins").get(0).get("siren").asString()).isEqualTo(DIJON);
        JsonNode lot2 = consolide.get("lots").get(1);
        assertThat(lot2.get("quantiteTotale").decimalValue()).isEqualByComparingTo("5");
        assertThat(lot2.get("montantEstimeTotalHt").decimalValue()).isEqualByComparingTo("30");
        assertThat(consolide.get("membresAyantDeclare").toString()).isEqualTo("[\"" + DIJON + "\",\"" + ccas + "\"]");
        assertThat(consolide.get("membresSansBesoin").toString()).isEqualTo("[\"" + TALANT + "\"]");
        assertThat(consolide.get("membresSansReponse").toString()).isEqualTo("[\"" + silencieux + "\"]");

        // Closed: nothing changes any more.
        OutilsIT.Reponse tardive = declarer(id, DIJON, dijon, aucun(1) + "," + aucun(2));
        assertThat(tardive.statut()).as(tardive.corps()).isEqualTo(409);
        assertThat(tardive.json().get("detail").asString()).contains("clos");
        JsonNode declaration = outils.appeler("GET", "/api/adhesion/recensements/" + id + "/declarations/" + DIJON,
                dijon, null).json();
        assertThat(declaration.get("revision").asLong()).isEqualTo(2);
        assertThat(declaration.get("lots").get(0).get("quantite").decimalValue()).isEqualByComparingTo("120");
        assertThat(outils.appeler("POST", "/api/adhesion/recensements/" + id + "/cloture", acheteur, null).statut())
                .isEqualTo(409);
        assertThat(outils.appeler("POST", "/api/adhesion/recensements/" + id + "/relances", acheteur, null).statut())
                .isEqualTo(409);
        assertThat(clotures.cloturerLesRecensementsEchus()).isZero();
        assertThat(outils.typesPublies(id, Duration.ofSeconds(2))).filteredOn(CLOS::equals).hasSize(1);
    }

    @Test
    void closesAutomaticallyOnItsClosingDateOnce() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        Instant cloture = Instant.now().plus(Duration.ofHours(3));
        String id = outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(List.of(DIJON, TALANT), cloture)).json().get("id").asString();
        declarer(id, DIJON, JetonsDeTest.agent(DIJON), besoin(1, "3", "9.99") + "," + aucun(2));
        assertThat(clotures.cloturerLesRecensementsEchus()).isZero();

        horloge.regler(cloture.plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "CLOS".equals(outils.appeler("GET",
                "/api/adhesion/recensements/" + id, acheteur, null).json().get("statut").asString()));

        assertThat(declarer(id, TALANT, JetonsDeTest.agent(TALANT), aucun(1) + "," + aucun(2)).statut()).isEqualTo(409);
        assertThat(clotures.cloturerLesRecensementsEchus()).isZero();
        List<String> types = outils.typesPublies(id, Duration.ofSeconds(3));
        assertThat(types).filteredOn(CLOS::equals).hasSize(1);
        JsonNode consolide = outils.donnees(outils.evenementsDe(id, 3).get(2));
        assertThat(consolide.get("membresAyantDeclare").toString()).isEqualTo("[\"" + DIJON + "\"]");
        assertThat(consolide.get("membresSansReponse").toString()).isEqualTo("[\"" + TALANT + "\"]");
    }

    @Test
    void refusesInvalidOpeningsAndDeclarationsInFrench() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        assertThat(outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(List.of(DIJON), Instant.now().minusSeconds(60))).corps()).contains("futur");
        assertThat(outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(List.of(DIJON, OutilsIT.sirenAleatoire()), Instant.now().plusSeconds(600))).corps())
                .contains("non enregistré");
        OutilsIT.Reponse personne = outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(null, Instant.now().plusSeconds(600)));
        assertThat(personne.statut()).isEqualTo(400);
        assertThat(personne.corps()).contains("adhésion active");
        assertThat(outils.appeler("POST", "/api/adhesion/recensements", JetonsDeTest.agent(DIJON),
                ouverture(List.of(DIJON), Instant.now().plusSeconds(600))).statut()).isEqualTo(403);

        String id = outils.appeler("POST", "/api/adhesion/recensements", acheteur,
                ouverture(List.of(DIJON), Instant.now().plusSeconds(600))).json().get("id").asString();
        OutilsIT.Reponse manquant = declarer(id, DIJON, acheteur, aucun(1));
        assertThat(manquant.statut()).isEqualTo(400);
        assertThat(manquant.corps()).contains("sans réponse [2]");
        assertThat(declarer(id, DIJON, acheteur, aucun(1) + "," + aucun(2) + "," + aucun(2)).corps())
                .contains("plusieurs fois [2]");
        assertThat(declarer(id, DIJON, acheteur, "{\"lot\":1,\"pasDeBesoin\":true,\"quantite\":3}," + aucun(2))
                .statut()).isEqualTo(400);
        assertThat(declarer(id, DIJON, acheteur, besoin(1, "3", "1.001") + "," + aucun(2)).statut()).isEqualTo(400);
        assertThat(outils.appeler("GET", "/api/adhesion/recensements/" + id + "/declarations/" + DIJON, acheteur, null)
                .statut()).isEqualTo(404);
    }

    private OutilsIT.Reponse declarer(String id, String siren, String jeton, String lots) throws Exception {
        return outils.appeler("PUT", "/api/adhesion/recensements/" + id + "/declarations/" + siren, jeton,
                "{\"lots\":[" + lots + "]}");
    }

    private static String besoin(int lot, String quantite, String montant) {
        return "{\"lot\":" + lot + ",\"pasDeBesoin\":false,\"quantite\":" + quantite + ",\"montantEstime\":" + montant
                + ",\"sitesLivraison\":[\"Hôtel de ville\"],\"commentaire\":\"Livraison le matin\"}";
    }

    private static String aucun(int lot) {
        return "{\"lot\":" + lot + ",\"pasDeBesoin\":true}";
    }

    private static String ouverture(List<String> invites, Instant cloture) {
        return "{\"objet\":\"Fournitures de bureau 2027\",\"familleAchat\":\"VIDEOPROTECTION\",\"nature\":\"FOURNITURES\","
                + "\"cpvPrincipal\":\"30192000-1\",\"lots\":[{\"description\":\"Papier A4\",\"unite\":\"ramette\"},"
                + "{\"description\":\"Stylos\",\"unite\":\"boîte\",\"codeCpv\":\"30192000-1\"}],"
                + (invites == null ? "" : "\"membresInvites\":[\"" + String.join("\",\"", invites) + "\"],")
                + "\"dateCloture\":\"" + cloture + "\"}";
    }
}
