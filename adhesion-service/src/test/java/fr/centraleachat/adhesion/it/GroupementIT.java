package fr.centraleachat.adhesion.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Groupements de commandes through HTTP with real tokens, the embedded Kafka broker and mongo-java-server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
class GroupementIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "adhesion-groupement-it");
    }

    private static final String METROPOLE = "242100410";
    private static final String DIJON = JetonsDeTest.SIREN_DIJON;
    private static final String TALANT = JetonsDeTest.SIREN_TALANT;
    private static final String PREFIXE = "fr.centraleachat.adhesion.";
    private static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @LocalServerPort
    int port;

    private OutilsIT outils;

    @BeforeEach
    void preparer() {
        outils = new OutilsIT(port);
    }

    @Test
    void isConstitutedOnceOnTheLastApprovalWithAPartnerEpci() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        String epci = outils.enregistrerMembre("EPCI_PARTENAIRE", "CC Ouche et Montagne");
        OutilsIT.Reponse cree = creer(List.of(METROPOLE, DIJON, epci));
        assertThat(cree.statut()).as(cree.corps()).isEqualTo(201);
        String id = cree.json().get("id").asString();
        assertThat(cree.json().get("statut").asString()).isEqualTo("EN_CONSTITUTION");
        assertThat(cree.json().get("coordonnateur").get("nom").asString()).isEqualTo("Dijon Métropole");
        assertThat(cree.json().get("membresSansApprobation")).hasSize(3);

        // An agent approves for its own body only; a body outside the groupement does not see it.
        assertThat(approuver(id, DIJON, JetonsDeTest.agent(TALANT)).statut()).isEqualTo(404);
        OutilsIT.Reponse dijon = approuver(id, DIJON, JetonsDeTest.agent(DIJON));
        assertThat(dijon.statut()).as(dijon.corps()).isEqualTo(200);
        assertThat(approuver(id, DIJON, acheteur).statut()).isEqualTo(409);
        assertThat(approuver(id, TALANT, acheteur).statut()).isEqualTo(409);
        assertThat(outils.appeler("GET", "/api/adhesion/groupements/" + id, JetonsDeTest.agent(TALANT), null).statut())
                .isEqualTo(404);
        assertThat(approuver(id, METROPOLE, acheteur).json().get("statut").asString()).isEqualTo("EN_CONSTITUTION");
        OutilsIT.Reponse derniere = approuver(id, epci, acheteur);
        assertThat(derniere.json().get("statut").asString()).as(derniere.corps()).isEqualTo("CONSTITUE");
        assertThat(derniere.json().get("dateConstitution").asString()).isEqualTo(AUJOURDHUI.toString());
        assertThat(derniere.json().get("membresSansApprobation")).isEmpty();

        // A late member must approve too; the groupement stays constituted.
        OutilsIT.Reponse ajout = outils.appeler("POST", "/api/adhesion/groupements/" + id + "/membres", acheteur,
                "{\"siren\":\"" + TALANT + "\"}");
        assertThat(ajout.json().get("statut").asString()).as(ajout.corps()).isEqualTo("CONSTITUE");
        assertThat(ajout.json().get("membresSansApprobation").toString()).isEqualTo("[\"" + TALANT + "\"]");
        assertThat(approuver(id, TALANT, JetonsDeTest.agent(TALANT)).statut()).isEqualTo(200);
        assertThat(outils.appeler("POST", "/api/adhesion/groupements/" + id + "/retrait", acheteur,
                "{\"siren\":\"" + TALANT + "\"}").statut()).isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> evenements = outils.evenementsDe(id, 7);
        assertThat(evenements).extracting(OutilsIT::type).containsExactly(PREFIXE + "GroupementCree.v1",
                PREFIXE + "ApprobationGroupementEnregistree.v1", PREFIXE + "ApprobationGroupementEnregistree.v1",
                PREFIXE + "ApprobationGroupementEnregistree.v1", PREFIXE + "GroupementConstitue.v1",
                PREFIXE + "MembreAjouteAuGroupement.v1", PREFIXE + "ApprobationGroupementEnregistree.v1");
        for (int i = 0; i < evenements.size(); i++) {
            assertThat(outils.donnees(evenements.get(i)).get("groupement").get("sequence").asLong()).isEqualTo(i + 1);
        }
        JsonNode constitue = outils.donnees(evenements.get(4));
        assertThat(constitue.get("date").asString()).isEqualTo(AUJOURDHUI.toString());
        JsonNode etat = constitue.get("groupement");
        assertThat(etat.get("statut").asString()).isEqualTo("CONSTITUE");
        assertThat(etat.get("coordonnateurSiren").asString()).isEqualTo(METROPOLE);
        assertThat(etat.get("missions").asString()).isEqualTo("PASSATION");
        assertThat(etat.get("membres")).hasSize(3);
        JsonNode membreEpci = null;
        for (JsonNode m : etat.get("membres")) {
            assertThat(m.get("numeroDeliberation").asString()).isNotBlank();
            if (m.get("siren").asString().equals(epci)) {
                membreEpci = m;
            }
        }
        assertThat(membreEpci.get("typeMembre").asString()).isEqualTo("EPCI_PARTENAIRE");
        assertThat(membreEpci.get("nom").asString()).isEqualTo("CC Ouche et Montagne");
        assertThat(outils.typesPublies(id, Duration.ofSeconds(2)))
                .filteredOn((PREFIXE + "GroupementConstitue.v1")::equals).hasSize(1);
    }

    @Test
    void aMemberWithdrawsBeforeConstitutionAndTheGroupementIsDissolved() throws Exception {
        String acheteur = JetonsDeTest.acheteur();
        String id = creer(List.of(METROPOLE, DIJON, TALANT)).json().get("id").asString();
        approuver(id, METROPOLE, acheteur);
        approuver(id, DIJON, acheteur);

        OutilsIT.Reponse coordonnateur = outils.appeler("POST", "/api/adhesion/groupements/" + id + "/retrait", acheteur,
                "{\"siren\":\"" + METROPOLE + "\"}");
        assertThat(coordonnateur.statut()).isEqualTo(409);
        assertThat(coordonnateur.json().get("detail").asString()).contains("coordonnateur");
        assertThat(outils.appeler("POST", "/api/adhesion/groupements/" + id + "/retrait", JetonsDeTest.agent(DIJON),
                "{\"siren\":\"" + TALANT + "\"}").statut()).isEqualTo(403);
        // Talant, the only one that had not approved, leaves: every remaining member has approved.
        OutilsIT.Reponse retrait = outils.appeler("POST", "/api/adhesion/groupements/" + id + "/retrait",
                JetonsDeTest.agent(TALANT), "{\"siren\":\"" + TALANT + "\"}");
        assertThat(retrait.statut()).as(retrait.corps()).isEqualTo(200);
        assertThat(retrait.json().get("statut").asString()).isEqualTo("CONSTITUE");
        assertThat(retrait.json().get("membres")).hasSize(2);

        OutilsIT.Reponse dissous = outils.appeler("POST", "/api/adhesion/groupements/" + id + "/dissolution", acheteur,
                "{\"motif\":\"Projet abandonné\"}");
        assertThat(dissous.statut()).as(dissous.corps()).isEqualTo(200);
        assertThat(dissous.json().get("statut").asString()).isEqualTo("DISSOUS");
        assertThat(dissous.json().get("motifDissolution").asString()).isEqualTo("Projet abandonné");
        assertThat(approuver(id, DIJON, acheteur).statut()).isEqualTo(409);
        assertThat(outils.appeler("POST", "/api/adhesion/groupements/" + id + "/dissolution", acheteur,
                "{\"motif\":\"Encore\"}").statut()).isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> evenements = outils.evenementsDe(id, 6);
        assertThat(evenements).extracting(OutilsIT::type).containsExactly(PREFIXE + "GroupementCree.v1",
                PREFIXE + "ApprobationGroupementEnregistree.v1", PREFIXE + "ApprobationGroupementEnregistree.v1",
                PREFIXE + "MembreRetireDuGroupement.v1", PREFIXE + "GroupementConstitue.v1",
                PREFIXE + "GroupementDissous.v1");
        JsonNode retire = outils.donnees(evenements.get(3));
        assertThat(retire.get("siren").asString()).isEqualTo(TALANT);
        assertThat(retire.get("groupement").get("membres")).hasSize(2);
        JsonNode dissolution = outils.donnees(evenements.get(5));
        assertThat(dissolution.get("motif").asString()).isEqualTo("Projet abandonné");
        assertThat(dissolution.get("groupement").get("statut").asString()).isEqualTo("DISSOUS");
        assertThat(dissolution.get("groupement").get("sequence").asLong()).isEqualTo(6);
    }

    @Test
    void refusesInvalidGroupements() throws Exception {
        OutilsIT.Reponse seul = creer(List.of(METROPOLE));
        assertThat(seul.statut()).isEqualTo(400);
        assertThat(seul.corps()).contains("de 2 à 200");
        assertThat(creer(List.of(DIJON, TALANT)).corps()).contains("coordonnateur");
        assertThat(creer(List.of(METROPOLE, OutilsIT.sirenAleatoire())).corps()).contains("non enregistré");
        assertThat(outils.appeler("POST", "/api/adhesion/groupements", JetonsDeTest.agent(DIJON),
                corps(List.of(METROPOLE, DIJON))).statut()).isEqualTo(403);
        String id = creer(List.of(METROPOLE, DIJON)).json().get("id").asString();
        OutilsIT.Reponse futur = outils.appeler("POST", "/api/adhesion/groupements/" + id + "/approbations",
                JetonsDeTest.acheteur(), "{\"siren\":\"" + DIJON + "\",\"numeroDeliberation\":\"D-9\",\"dateDeliberation\":\""
                        + AUJOURDHUI.plusDays(2) + "\"}");
        assertThat(futur.statut()).isEqualTo(400);
        assertThat(futur.corps()).contains("futur");
    }

    private OutilsIT.Reponse creer(List<String> membres) throws Exception {
        return outils.appeler("POST", "/api/adhesion/groupements", JetonsDeTest.acheteur(), corps(membres));
    }

    private static String corps(List<String> membres) {
        return "{\"objet\":\"Vidéoprotection 2027\",\"coordonnateur\":\"" + METROPOLE + "\",\"missions\":\"PASSATION\","
                + "\"commissionAppelOffres\":\"CAO de Dijon Métropole\",\"repartitionFrais\":\"Au prorata des commandes\","
                + "\"membres\":[\"" + String.join("\",\"", membres) + "\"]}";
    }

    private OutilsIT.Reponse approuver(String id, String siren, String jeton) throws Exception {
        return outils.appeler("POST", "/api/adhesion/groupements/" + id + "/approbations", jeton,
                "{\"siren\":\"" + siren + "\",\"numeroDeliberation\":\"DEL-" + siren + "\",\"dateDeliberation\":\""
                        + AUJOURDHUI.minusDays(2) + "\"}");
    }
}
