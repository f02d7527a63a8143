package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.contrat.opendata.SchemasOfficiels;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * The open data end to end over HTTP: a consultation published, bid on, awarded and notified (an accord-cadre of
 * 300 000 € HT with an avenant, and a small marché under 40 000 € HT), then read by anyone as DECP and OCDS documents
 * the official schemas accept; what is due listed for the acheteur until the publication is recorded.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms",
            "centrale.ocds.prefixe-ocid=ocds-test-dijon"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class OpenDataIT {

    static final String SIRET_2 = "55210055400013";
    static final String SIRET_CENTRALE = "24210041000016";
    static final Instant APRES_DLRO = Instant.parse("2027-01-15T11:00:01Z");
    static final byte[] PDF = "%PDF-1.7\noffre\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-open-data");
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
        horloge.regler(ScenarioConsultations.PUBLICATION);
        MembresActifsDeTest.activer(InfrastructureDeTest.kafka().bootstrapServers(), mongo, "open-data-it",
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT));
    }

    @Test
    void publishesTheNotifiedMarchesAsDecpAndOcdsThatTheOfficialSchemasAccept() throws Exception {
        String id = creer();
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/ocds", null).statusCode())
                .as("a draft is never open data").isEqualTo(404);
        publier(id);
        String numero = notifier(id);
        String lot1 = "/api/marche/consultations/" + id + "/lots/1";

        // One marché's DECP, public: the accord-cadre at its maximum, the centrale as acheteur, the avenant.
        HttpResponse<String> donnees = client.envoyer("GET", lot1 + "/donnees-essentielles", null);
        assertThat(donnees.statusCode()).as(donnees.body()).isEqualTo(200);
        JsonNode fichier = json.readTree(donnees.body());
        assertThat(SchemasOfficiels.erreursDecp(fichier)).isEmpty();
        JsonNode marche = fichier.get("marches").get("marche").get(0);
        assertThat(marche.get("id").asString()).isEqualTo(numero);
        assertThat(marche.get("acheteur").get("id").asString()).isEqualTo(SIRET_CENTRALE);
        assertThat(marche.get("montant").decimalValue()).isEqualByComparingTo("300000");
        assertThat(marche.get("techniques").get("technique").get(0).asString()).isEqualTo("Accord-cadre");
        assertThat(marche.get("procedure").asString()).isEqualTo("Appel d'offres ouvert");
        assertThat(marche.get("dateNotification").asString()).isEqualTo("2027-01-15");
        assertThat(marche.get("datePublicationDonnees").asString()).isEqualTo("2027-01-15");
        assertThat(marche.get("modifications").get(0).get("modification").get("montant").decimalValue())
                .isEqualByComparingTo("320000");
        HttpResponse<String> petit = client.envoyer("GET",
                "/api/marche/consultations/" + id + "/lots/2/donnees-essentielles",
                null);
        assertThat(petit.statusCode()).isEqualTo(404);
        assertThat(petit.body()).contains("inférieur à 40000 € HT");

        // The file of a period, public and bounded.
        HttpResponse<String> periode = client.envoyer("GET",
                "/api/marche/donnees-essentielles?du=2027-01-01&au=2027-01-31",
                null);
        assertThat(periode.statusCode()).as(periode.body()).isEqualTo(200);
        JsonNode duMois = json.readTree(periode.body());
        assertThat(SchemasOfficiels.erreursDecp(duMois)).isEmpty();
        assertThat(duMois.get("marches").get("marche")).extracting(m -> m.get("id").asString()).contains(numero)
                .doesNotContain(numero.replace("-L1", "-L2"));
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/donnees-essentielles?du=2027-02-01&au=2027-02-28",
                null)
                .body()).get("marches").get("marche")).extracting(m -> m.get("id").asString()).doesNotContain(numero);
        HttpResponse<String> tropLongue = client.envoyer("GET",
                "/api/marche/donnees-essentielles?du=2026-01-01&au=2027-01-31",
                null);
        assertThat(tropLongue.statusCode()).isEqualTo(400);
        assertThat(tropLongue.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(tropLongue.body()).contains("366 jours");
        assertThat(client.envoyer("GET", "/api/marche/donnees-essentielles?du=2027-02-01&au=2027-01-01",
                null).statusCode())
                .isEqualTo(400);

        // What is due, for the acheteur: the initial data and the modification, 2 months after each.
        assertThat(client.envoyer("GET", "/api/marche/donnees-essentielles/a-publier",
                null).statusCode()).isEqualTo(401);
        assertThat(client.envoyer("GET", "/api/marche/donnees-essentielles/a-publier", JetonsDeTest.fournisseur())
                .statusCode()).isEqualTo(403);
        JsonNode dues = json.readTree(client.envoyer("GET", "/api/marche/donnees-essentielles/a-publier?taille=200",
                JetonsDeTest.acheteur()).body()).get("elements");
        assertThat(dues).filteredOn(e -> e.get("numeroMarche").asString().equals(numero))
                .extracting(e -> e.get("evenement").asString() + " " + e.get("dateLimite").asString())
                .containsExactly("NOTIFICATION 2027-03-15", "MODIFICATION 2027-03-15");

        // The acheteur records the publication of January's file: the dates stay, nothing is due any more.
        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/donnees-essentielles/publications",
                JetonsDeTest.acheteur(), "{\"du\":\"2027-01-01\",\"au\":\"2027-01-31\"}");
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
        assertThat(SchemasOfficiels.erreursDecp(json.readTree(publication.body()))).isEmpty();
        assertThat(client.envoyer("POST", "/api/marche/donnees-essentielles/publications", JetonsDeTest.fournisseur(),
                "{\"du\":\"2027-01-01\",\"au\":\"2027-01-31\"}").statusCode()).isEqualTo(403);
        horloge.regler(Instant.parse("2027-02-03T10:00:00Z"));
        JsonNode plusTard = json.readTree(client.envoyer("GET", lot1 + "/donnees-essentielles", null).body())
                .get("marches").get("marche").get(0);
        assertThat(plusTard.get("datePublicationDonnees").asString()).isEqualTo("2027-01-15");
        assertThat(plusTard.get("modifications").get(0).get("modification").get("datePublicationDonneesModification")
                .asString()).isEqualTo("2027-01-15");
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/donnees-essentielles/a-publier?taille=200",
                JetonsDeTest.admin()).body()).get("elements"))
                .noneMatch(e -> e.get("numeroMarche").asString().equals(numero));

        // OCDS, public: the consultation's releases and record, and the paged feed of releases.
        String ocid = "ocds-test-dijon-" + id;
        HttpResponse<String> releases = client.envoyer("GET", "/api/marche/consultations/" + id + "/ocds/releases",
                null);
        assertThat(releases.statusCode()).as(releases.body()).isEqualTo(200);
        JsonNode paquet = json.readTree(releases.body());
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(paquet)).isEmpty();
        assertThat(paquet.get("releases")).extracting(r -> r.get("tag").get(0).asString())
                // Same instant for every decision (the test clock stands still): each lot's releases in their order.
                .containsExactly("tender", "award", "contract", "contractAmendment", "award", "contract");
        assertThat(paquet.get("releases")).extracting(r -> r.get("ocid").asString()).containsOnly(ocid);
        assertThat(releases.body()).doesNotContain("offre\\n").doesNotContain("%PDF");
        HttpResponse<String> record = client.envoyer("GET", "/api/marche/consultations/" + id + "/ocds", null);
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        JsonNode records = json.readTree(record.body());
        assertThat(SchemasOfficiels.erreursPaquetDeRecords(records)).isEmpty();
        JsonNode compilee = records.get("records").get(0).get("compiledRelease");
        assertThat(compilee.get("tender").get("status").asString()).isEqualTo("complete");
        assertThat(compilee.get("contracts")).extracting(c -> c.get("id").asString())
                .containsExactly(numero, numero.replace("-L1", "-L2"));
        HttpResponse<String> flux = client.envoyer("GET", "/api/marche/ocds/releases?page=0&taille=200", null);
        assertThat(flux.statusCode()).as(flux.body()).isEqualTo(200);
        JsonNode page = json.readTree(flux.body());
        assertThat(SchemasOfficiels.erreursPaquetDeReleases(page)).isEmpty();
        assertThat(page.get("releases")).extracting(r -> r.get("ocid").asString()).contains(ocid);
        assertThat(client.envoyer("GET", "/api/marche/ocds/releases?page=10000&taille=200",
                null).statusCode()).isEqualTo(404);
        assertThat(client.envoyer("GET", "/api/marche/ocds/releases?taille=201", null).statusCode()).isEqualTo(400);
    }

    /** Publishes, bids one offer per lot, closes, opens, awards and notifies both lots; avenant on lot 1. */
    private String notifier(String id) throws Exception {
        String lot1 = "/api/marche/consultations/" + id + "/lots/1";
        String lot2 = "/api/marche/consultations/" + id + "/lots/2";
        assertThat(deposer(JetonsDeTest.fournisseur(), id, 1, "120000").statusCode()).isEqualTo(201);
        assertThat(deposer(JetonsDeTest.jeton("fournisseur2", List.of("FOURNISSEUR"), null, SIRET_2), id, 2, "30000")
                .statusCode()).isEqualTo(201);
        horloge.regler(APRES_DLRO);
        await().atMost(Duration.ofSeconds(15)).until(() -> json.readTree(client.envoyer("GET",
                "/api/marche/consultations/"
                + id, JetonsDeTest.acheteur()).body()).get("statut").asString().equals("CLOTUREE"));
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur())
                .statusCode()).isEqualTo(200);
        for (String lot : List.of(lot1, lot2)) {
            assertThat(client.envoyer("GET", lot + "/analyse", JetonsDeTest.acheteur()).statusCode()).isEqualTo(200);
            HttpResponse<String> attribution = client.envoyer("POST", lot + "/attribution", JetonsDeTest.acheteur(),
                    "{}");
            assertThat(attribution.statusCode()).as(attribution.body()).isEqualTo(200);
        }
        HttpResponse<String> notifie = client.envoyer("POST", lot1 + "/notification", JetonsDeTest.acheteur(),
                "{\"forme\":\"ACCORD_CADRE_BONS_DE_COMMANDE\",\"formePrix\":\"UNITAIRE\",\"montantMaximumHt\":300000,"
                        + "\"dureeMois\":48,\"dateDebut\":\"2027-02-01\"}");
        assertThat(notifie.statusCode()).as(notifie.body()).isEqualTo(200);
        HttpResponse<String> petit = client.envoyer("POST", lot2 + "/notification", JetonsDeTest.acheteur(),
                "{\"forme\":\"MARCHE_ORDINAIRE\",\"formePrix\":\"FORFAITAIRE\",\"dureeMois\":12,"
                        + "\"dateDebut\":\"2027-02-01\"}");
        assertThat(petit.statusCode()).as(petit.body()).isEqualTo(200);
        HttpResponse<String> avenant = client.envoyer("POST", lot1 + "/avenants", JetonsDeTest.acheteur(),
                "{\"baseLegale\":\"DE_MINIMIS\",\"montantHt\":20000,\"justification\":\"Ajout de références.\","
                        + "\"date\":\"2027-01-15\"}");
        assertThat(avenant.statusCode()).as(avenant.body()).isEqualTo(201);
        return json.readTree(notifie.body()).get("marche").get("numero").asString();
    }

    private String creer() throws Exception {
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(), """
                {"objet":"Fournitures de bureau 2027","nature":"FOURNITURES","cpvPrincipal":"30192000-1",
                 "familleAchat":"FOURNITURES_ADMINISTRATIVES",
                 "lots":[{"numero":1,"intitule":"Papier","montantEstime":150000,"cpv":"30197630-1"},
                         {"numero":2,"intitule":"Petites fournitures","montantEstime":100000}],
                 "criteres":[{"libelle":"Prix","ponderation":100,"type":"PRIX"}],
                 "dlro":"%s","beneficiaires":["212102313","212106173"],"delaiReduit":"NONE"}
                """.formatted(ScenarioConsultations.DLRO_LEGALE));
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private void publier(String id) throws Exception {
        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur());
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
    }

    private HttpResponse<String> deposer(String jeton, String id, int lot, String prix) throws Exception {
        return client.deposerPli(jeton, id, lot, "{\"prixHt\":" + prix + "}", Map.of("offre.pdf", PDF));
    }
}
