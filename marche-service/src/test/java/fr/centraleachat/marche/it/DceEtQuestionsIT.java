package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.marche.it.ClientHttpDeTest.Partie;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * The DCE, rectificatifs and questions end to end over HTTP, with a real broker and a Mongo-compatible store: a
 * draft's documents are the staff's, a published DCE is downloaded by anyone (one file or the whole archive, streamed,
 * hashes matching), every download is recorded; a substantial rectificatif brings the DLRO and the DCE up to date and
 * flags earlier plis to be confirmed; answers are public without saying who asked.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms",
            "centrale.dce.taille-max-fichier=1MB"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class DceEtQuestionsIT {

    /** A Tuesday; the DLRO below leaves 45 days, an open tender needs 30. */
    static final Instant PUBLICATION = ScenarioConsultations.PUBLICATION;
    static final String DLRO = ScenarioConsultations.DLRO_LEGALE;
    static final String TOPIC = "centrale.marche.v1";
    static final String SIRET_2 = "55210055400013";
    static final byte[] RC = pdf("Règlement de la consultation : offres en euros HT.");
    static final byte[] CCTP = zip("CCTP : papier recyclé 80 g/m².");
    static final byte[] CCTP_V2 = zip("CCTP rectifié : papier recyclé 90 g/m².");


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-dce");
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
        MembresActifsDeTest.activer(InfrastructureDeTest.kafka().bootstrapServers(), mongo, "dce-it",
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT));
    }

    @Test
    void aDraftsDceIsTheStaffsThenAnyoneDownloadsThePublishedOneAndEveryDownloadIsRecorded() throws Exception {
        String id = creer(null);
        HttpResponse<String> rc = deposer(JetonsDeTest.acheteur(), id, "REGLEMENT_CONSULTATION",
                "Règlement de la consultation", "rc.pdf", RC);
        assertThat(rc.statusCode()).as(rc.body()).isEqualTo(201);
        assertThat(rc.headers().firstValue("Location")).get().asString()
                .endsWith("/api/marche/consultations/" + id + "/documents/1");
        JsonNode document = json.readTree(rc.body());
        assertThat(document.get("sha256").asString()).isEqualTo(sha256(RC));
        assertThat(document.get("typeContenu").asString()).isEqualTo("application/pdf");
        assertThat(document.get("titre").asString()).isEqualTo("Règlement de la consultation");
        assertThat(deposer(JetonsDeTest.acheteur(), id, "CCTP", null, "cctp.docx", CCTP).statusCode()).isEqualTo(201);
        assertThat(deposer(JetonsDeTest.acheteur(), id, "AUTRE", null, "brouillon.pdf", RC).statusCode()).isEqualTo(201);
        assertThat(client.envoyer("DELETE", "/api/marche/consultations/" + id + "/documents/3",
                JetonsDeTest.acheteur(), null)
                .statusCode()).isEqualTo(204);
        assertThat(deposer(JetonsDeTest.fournisseur(), id, "AUTRE", null, "x.pdf", RC).statusCode()).isEqualTo(403);

        // A draft's DCE does not exist for anyone but the staff, not even its archive.
        for (String lecteur : new String[] {null, JetonsDeTest.fournisseur(), JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)}) {
            assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/documents", lecteur,
                    null).statusCode())
                    .isEqualTo(404);
            assertThat(client.telecharger("/api/marche/consultations/" + id + "/documents/1", lecteur).statusCode())
                    .isEqualTo(404);
        }
        HttpResponse<String> vuParLAcheteur = client.envoyer("GET", "/api/marche/consultations/" + id + "/documents",
                JetonsDeTest.acheteur(), null);
        assertThat(json.readTree(vuParLAcheteur.body()).get("total").asInt()).isEqualTo(2);

        publier(id);
        assertThat(client.envoyer("DELETE", "/api/marche/consultations/" + id + "/documents/1",
                JetonsDeTest.acheteur(), null)
                .statusCode()).isEqualTo(409);

        HttpResponse<String> liste = client.envoyer("GET", "/api/marche/consultations/" + id + "/documents", null,
                null);
        assertThat(liste.statusCode()).as(liste.body()).isEqualTo(200);
        JsonNode elements = json.readTree(liste.body()).get("elements");
        assertThat(elements).hasSize(2);
        assertThat(elements.get(1).get("numero").asInt()).isEqualTo(2);
        assertThat(elements.get(1).get("nom").asString()).isEqualTo("cctp.docx");
        assertThat(elements.get(1).get("typeContenu").asString()).isEqualTo("application/zip");
        assertThat(elements.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(elements.get(1).get("taille").asLong()).isEqualTo(CCTP.length);

        HttpResponse<byte[]> anonyme = client.telecharger("/api/marche/consultations/" + id + "/documents/1", null);
        assertThat(anonyme.statusCode()).isEqualTo(200);
        assertThat(sha256(anonyme.body())).isEqualTo(sha256(RC));
        assertThat(anonyme.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(anonyme.headers().firstValueAsLong("Content-Length")).hasValue(RC.length);
        assertThat(anonyme.headers().firstValue("ETag")).contains("\"" + sha256(RC) + "\"");
        assertThat(anonyme.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment").contains("rc.pdf");

        HttpResponse<byte[]> archive = client.telecharger("/api/marche/consultations/" + id + "/documents/archive",
                JetonsDeTest.fournisseur());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, byte[]> entrees = dezipper(archive.body());
        assertThat(entrees.keySet()).containsExactly("001-rc.pdf", "002-cctp.docx", "empreintes-sha256.txt");
        assertThat(sha256(entrees.get("001-rc.pdf"))).isEqualTo(sha256(RC));
        assertThat(sha256(entrees.get("002-cctp.docx"))).isEqualTo(sha256(CCTP));
        assertThat(new String(entrees.get("empreintes-sha256.txt"), StandardCharsets.UTF_8))
                .contains(sha256(RC) + "  001-rc.pdf").contains(sha256(CCTP) + "  002-cctp.docx");

        // The register: who (when known), when, what, with the correlation id; for the staff only.
        HttpResponse<String> registre = client.envoyer("GET", "/api/marche/consultations/" + id + "/telechargements",
                JetonsDeTest.acheteur(), null);
        assertThat(registre.statusCode()).as(registre.body()).isEqualTo(200);
        JsonNode telechargements = json.readTree(registre.body()).get("elements");
        assertThat(telechargements).hasSize(2);
        JsonNode premier = telechargements.get(0);
        assertThat(premier.get("anonyme").asBoolean()).isTrue();
        assertThat(premier.get("sujet").isNull()).isTrue();
        assertThat(premier.get("archive").asBoolean()).isFalse();
        assertThat(premier.get("fichiers").get(0).get("document").asInt()).isEqualTo(1);
        assertThat(premier.get("fichiers").get(0).get("sha256").asString()).isEqualTo(sha256(RC));
        assertThat(premier.get("correlationId").asString()).isNotBlank();
        assertThat(premier.get("date").asString()).isEqualTo("2026-12-01T10:00:00+01:00");
        JsonNode second = telechargements.get(1);
        assertThat(second.get("anonyme").asBoolean()).isFalse();
        assertThat(second.get("sujet").asString()).isEqualTo("fournisseur");
        assertThat(second.get("roles").get(0).asString()).isEqualTo("FOURNISSEUR");
        assertThat(second.get("siret").asString()).isEqualTo(JetonsDeTest.SIRET_FOURNISSEUR);
        assertThat(second.get("archive").asBoolean()).isTrue();
        assertThat(second.get("fichiers")).hasSize(2);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/telechargements",
                JetonsDeTest.fournisseur(),
                null).statusCode()).isEqualTo(403);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/telechargements", null,
                null).statusCode())
                .isEqualTo(401);
        assertThat(client.telecharger("/api/marche/consultations/" + id + "/documents/1",
                JetonsDeTest.expire("fournisseur", List.of("FOURNISSEUR"))).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAFileWhoseContentIsNotAcceptedAndAFileTooBigAndKeepsNothing() throws Exception {
        String id = creer(null);
        long fichiersAvant = mongo.getCollection("dce.files").countDocuments();

        HttpResponse<String> executable = deposer(JetonsDeTest.acheteur(), id, "CCTP", null, "cctp.pdf",
                "MZ\u0090\u0000 programme".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(executable.statusCode()).as(executable.body()).isEqualTo(400);
        assertThat(executable.body()).contains("n'est pas d'un type accepté").contains("\"champ\":\"fichier\"");

        byte[] gros = new byte[1024 * 1024 + 1];
        System.arraycopy(RC, 0, gros, 0, RC.length);
        HttpResponse<String> tropGros = deposer(JetonsDeTest.acheteur(), id, "PLAN", null, "plan.pdf", gros);
        assertThat(tropGros.statusCode()).as(tropGros.body()).isEqualTo(413);
        assertThat(tropGros.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");

        HttpResponse<String> typeInconnu = deposer(JetonsDeTest.acheteur(), id, "DEVIS", null, "rc.pdf", RC);
        assertThat(typeInconnu.statusCode()).isEqualTo(400);
        assertThat(typeInconnu.body()).contains("REGLEMENT_CONSULTATION");

        assertThat(mongo.getCollection("dce.files").countDocuments()).isEqualTo(fichiersAvant);
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/documents",
                JetonsDeTest.acheteur(), null).body()).get("total").asInt()).isZero();
    }

    @Test
    void aDeletedDraftTakesItsDocumentsWithIt() throws Exception {
        String id = creer(null);
        long fichiersAvant = mongo.getCollection("dce.files").countDocuments();
        deposer(JetonsDeTest.acheteur(), id, "REGLEMENT_CONSULTATION", null, "rc.pdf", RC);
        deposer(JetonsDeTest.acheteur(), id, "CCTP", null, "cctp.docx", CCTP);
        assertThat(mongo.getCollection("dce.files").countDocuments()).isEqualTo(fichiersAvant + 2);

        assertThat(client.envoyer("DELETE", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(),
                null).statusCode())
                .isEqualTo(204);

        assertThat(mongo.findById(id, Document.class, "dce")).isNull();
        assertThat(mongo.getCollection("dce.files").countDocuments()).isEqualTo(fichiersAvant);
    }

    @Test
    void aSubstantialRectificatifNeedsTheLegalMinimumAgainReplacesADocumentAndFlagsEarlierPlis() throws Exception {
        String id = creer(null);
        deposer(JetonsDeTest.acheteur(), id, "REGLEMENT_CONSULTATION", null, "rc.pdf", RC);
        deposer(JetonsDeTest.acheteur(), id, "CCTP", null, "cctp.docx", CCTP);
        publier(id);
        HttpResponse<String> pli = deposerPli(JetonsDeTest.fournisseur(), id, 1);
        assertThat(pli.statusCode()).as(pli.body()).isEqualTo(201);
        assertThat(json.readTree(pli.body()).get("aConfirmer").asBoolean()).isFalse();

        // 20 December: 30 days from now end on 19 January, after the DLRO of 15 January.
        horloge.regler(Instant.parse("2026-12-20T09:00:00Z"));
        HttpResponse<String> refuse = rectifier(id, """
                {"raison":"Quantités du lot 1 revues","substantiel":true}""", Map.of());
        assertThat(refuse.statusCode()).as(refuse.body()).isEqualTo(400);
        JsonNode erreur = json.readTree(refuse.body()).get("erreurs").get(0);
        assertThat(erreur.get("champ").asString()).isEqualTo("nouvelleDlro");
        assertThat(erreur.get("message").asString()).contains("au plus tôt le 19/01/2027");

        HttpResponse<String> rectifiee = rectifier(id, """
                {"raison":"Quantités du lot 1 revues","substantiel":true,"nouvelleDlro":"2027-01-25T12:00:00+01:00",
                 "documents":[{"remplace":2}]}""", Map.of("cctp-v2.docx", CCTP_V2));
        assertThat(rectifiee.statusCode()).as(rectifiee.body()).isEqualTo(200);
        JsonNode consultation = json.readTree(rectifiee.body());
        assertThat(consultation.get("dlro").asString()).isEqualTo("2027-01-25T12:00:00+01:00");
        assertThat(consultation.get("statut").asString()).isEqualTo("PUBLIEE");
        JsonNode rectificatif = consultation.get("rectificatifs").get(0);
        assertThat(rectificatif.get("numero").asInt()).isEqualTo(1);
        assertThat(rectificatif.get("substantiel").asBoolean()).isTrue();
        assertThat(rectificatif.get("dlroPrecedente").asString()).isEqualTo(DLRO);

        // The DCE now serves the new version; the old one stays downloadable.
        JsonNode cctp = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/documents", null,
                null)
                .body()).get("elements").get(1);
        assertThat(cctp.get("version").asInt()).isEqualTo(2);
        assertThat(cctp.get("rectificatif").asInt()).isEqualTo(1);
        assertThat(cctp.get("sha256").asString()).isEqualTo(sha256(CCTP_V2));
        assertThat(cctp.get("versionsPrecedentes").get(0).get("sha256").asString()).isEqualTo(sha256(CCTP));
        assertThat(sha256(client.telecharger("/api/marche/consultations/" + id + "/documents/2", null).body()))
                .isEqualTo(sha256(CCTP_V2));
        assertThat(sha256(client.telecharger("/api/marche/consultations/" + id + "/documents/2?version=1",
                null).body()))
                .isEqualTo(sha256(CCTP));

        // The pli filed before is to be confirmed; a new pli confirms it.
        JsonNode mesPlis = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/mes-plis",
                JetonsDeTest.fournisseur(), null).body());
        assertThat(mesPlis.get(0).get("aConfirmer").asBoolean()).isTrue();
        JsonNode decompte = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/plis/decompte",
                JetonsDeTest.acheteur(), null).body());
        assertThat(decompte.get(0).get("aConfirmer").asInt()).isEqualTo(1);
        HttpResponse<String> confirmation = deposerPli(JetonsDeTest.fournisseur(), id, 1);
        assertThat(json.readTree(confirmation.body()).get("aConfirmer").asBoolean()).isFalse();
        mesPlis = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/mes-plis",
                JetonsDeTest.fournisseur(), null).body());
        assertThat(mesPlis).extracting(p -> p.get("aConfirmer").asBoolean()).containsExactly(false, false);

        // A minor rectificatif a few days before the new DLRO pushes nothing.
        horloge.regler(Instant.parse("2027-01-20T09:00:00Z"));
        HttpResponse<String> mineur = rectifier(id, """
                {"raison":"Coquille dans le règlement","substantiel":false}""", Map.of());
        assertThat(mineur.statusCode()).as(mineur.body()).isEqualTo(200);
        assertThat(json.readTree(mineur.body()).get("dlro").asString()).isEqualTo("2027-01-25T12:00:00+01:00");
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/mes-plis",
                JetonsDeTest.fournisseur(), null).body()).get(1).get("aConfirmer").asBoolean()).isFalse();

        ConsumerRecord<String, byte[]> evenement = attendreEvenement(id,
                Evenements.CONSULTATION_RECTIFIEE.ceType(), 1);
        JsonNode donnees = json.readTree(evenement.value());
        assertThat(donnees.get("raison").asString()).isEqualTo("Quantités du lot 1 revues");
        assertThat(donnees.get("substantiel").asBoolean()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(donnees.get("dlro").asString()).toInstant())
                .isEqualTo(Instant.parse("2027-01-25T11:00:00Z"));
        assertThat(java.time.OffsetDateTime.parse(donnees.get("date").asString()).toInstant())
                .isEqualTo(Instant.parse("2026-12-20T09:00:00Z"));
        assertThat(entete(evenement, "ce_subject")).isEqualTo(id);
    }

    @Test
    void rectifiesOnlyAPublishedConsultationAndAsAnAcheteur() throws Exception {
        String id = creer(null);
        assertThat(rectifier(id, """
                {"raison":"Trop tôt","substantiel":false}""", Map.of()).statusCode()).isEqualTo(409);
        publier(id);
        HttpResponse<String> parUnFournisseur = client.multipart(JetonsDeTest.fournisseur(),
                "/api/marche/consultations/" + id + "/rectificatifs", List.of(Partie.json("rectificatif",
                        "{\"raison\":\"x\",\"substantiel\":false}")));
        assertThat(parUnFournisseur.statusCode()).isEqualTo(403);
        HttpResponse<String> sansDescription = rectifier(id, """
                {"raison":"Nouveau plan","substantiel":false}""", Map.of("plan.pdf", RC));
        assertThat(sansDescription.statusCode()).as(sansDescription.body()).isEqualTo(400);
        assertThat(sansDescription.body()).contains("\"champ\":\"documents\"");
        HttpResponse<String> inconnu = rectifier(id, """
                {"raison":"Nouveau plan","substantiel":false,"documents":[{"remplace":7}]}""", Map.of("plan.pdf", RC));
        assertThat(inconnu.statusCode()).as(inconnu.body()).isEqualTo(400);
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur(), null)
                .body()).get("rectificatifs")).isEmpty();
    }

    @Test
    void answersArePublicWithoutTheAskerAndQuestionsCloseAtTheirDeadline() throws Exception {
        String id = creer("2027-01-05T12:00:00+01:00");
        assertThat(poser(JetonsDeTest.fournisseur(), id, "Sur un brouillon ?").statusCode()).isEqualTo(404);
        publier(id);

        HttpResponse<String> premiere = poser(JetonsDeTest.fournisseur(), id,
                "Chez Papeteries Dupont nous livrons en 48 h : est-ce suffisant ?");
        assertThat(premiere.statusCode()).as(premiere.body()).isEqualTo(201);
        assertThat(premiere.headers().firstValue("Location")).get().asString()
                .endsWith("/api/marche/consultations/" + id + "/questions/1");
        assertThat(poser(fournisseur2(), id, "Le lot 2 admet-il des variantes ?").statusCode()).isEqualTo(201);
        assertThat(poser(JetonsDeTest.acheteur(), id, "?").statusCode()).isEqualTo(403);

        // Before any answer: nothing public; each supplier sees its own question only; the staff see who asked.
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions", null,
                null).body())
                .get("total").asInt()).isZero();
        JsonNode siennes = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions",
                fournisseur2(), null).body()).get("elements");
        assertThat(siennes).hasSize(1);
        assertThat(siennes.get(0).get("numero").asInt()).isEqualTo(2);
        assertThat(siennes.get(0).get("maQuestion").asBoolean()).isTrue();
        assertThat(siennes.get(0).get("auteur").isNull()).isTrue();
        JsonNode toutes = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions",
                JetonsDeTest.acheteur(), null).body()).get("elements");
        assertThat(toutes).hasSize(2);
        assertThat(toutes.get(0).get("auteur").get("siret").asString()).isEqualTo(JetonsDeTest.SIRET_FOURNISSEUR);

        HttpResponse<String> reponse = client.envoyer("POST",
                "/api/marche/consultations/" + id + "/questions/1/reponse",
                JetonsDeTest.acheteur(), """
                {"texte":"Oui : le CCTP demande une livraison sous 72 h au plus.",
                 "questionReformulee":"Une livraison sous 48 h est-elle suffisante ?"}""");
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/questions/1/reponse",
                JetonsDeTest.acheteur(), "{\"texte\":\"Encore ?\"}").statusCode()).isEqualTo(409);

        // Public now, to anyone, and nothing says who asked.
        HttpResponse<String> publique = client.envoyer("GET", "/api/marche/consultations/" + id + "/questions", null,
                null);
        assertThat(publique.statusCode()).isEqualTo(200);
        JsonNode publiees = json.readTree(publique.body()).get("elements");
        assertThat(publiees).hasSize(1);
        assertThat(publiees.get(0).get("question").asString()).isEqualTo("Une livraison sous 48 h est-elle suffisante ?");
        assertThat(publiees.get(0).get("reponse").asString()).contains("72 h");
        assertThat(publique.body()).doesNotContain(JetonsDeTest.SIRET_FOURNISSEUR).doesNotContain("Dupont")
                .doesNotContain("\"fournisseur\"");
        JsonNode vueParLAutre = json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions",
                fournisseur2(), null).body()).get("elements");
        assertThat(vueParLAutre).hasSize(2);
        assertThat(vueParLAutre.get(0).get("maQuestion").asBoolean()).isFalse();
        assertThat(vueParLAutre.toString()).doesNotContain(JetonsDeTest.SIRET_FOURNISSEUR);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions/2", null, null).statusCode())
                .isEqualTo(404);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/questions/1", null, null).statusCode())
                .isEqualTo(200);

        JsonNode posee = json.readTree(attendreEvenement(id, Evenements.QUESTION_POSEE.ceType(), 1).value());
        assertThat(posee.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrder("consultationId", "numero", "date");
        JsonNode publiee = json.readTree(attendreEvenement(id, Evenements.REPONSE_PUBLIEE.ceType(), 1).value());
        assertThat(publiee.get("question").asString()).isEqualTo("Une livraison sous 48 h est-elle suffisante ?");
        assertThat(publiee.toString()).doesNotContain(JetonsDeTest.SIRET_FOURNISSEUR).doesNotContain("Dupont");

        horloge.regler(LocalDateTime.parse("2027-01-05T12:00").atZone(ScenarioConsultations.PARIS).toInstant());
        HttpResponse<String> tardive = poser(JetonsDeTest.fournisseur(), id, "Encore une question ?");
        assertThat(tardive.statusCode()).as(tardive.body()).isEqualTo(409);
        assertThat(tardive.body()).contains("05/01/2027");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String fournisseur2() {
        return JetonsDeTest.jeton("fournisseur2", List.of("FOURNISSEUR"), null, SIRET_2);
    }

    private String creer(String dateLimiteQuestions) throws Exception {
        String corps = ScenarioConsultations.consultation("30192000-1", 60, 40, DLRO);
        if (dateLimiteQuestions != null) {
            corps = corps.replace("\"delaiReduit\":\"NONE\"", "\"delaiReduit\":\"NONE\",\"dateLimiteQuestions\":\""
                    + dateLimiteQuestions + "\"");
        }
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                corps);
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private void publier(String id) throws Exception {
        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur(), null);
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
    }

    private HttpResponse<String> deposer(String jeton, String id, String type, String titre, String nom, byte[] octets)
            throws Exception {
        List<Partie> parties = new ArrayList<>();
        parties.add(Partie.fichier("fichier", nom, octets));
        parties.add(Partie.texte("type", type));
        if (titre != null) {
            parties.add(Partie.texte("titre", titre));
        }
        return client.multipart(jeton, "/api/marche/consultations/" + id + "/documents", parties);
    }

    private HttpResponse<String> rectifier(String id, String rectificatif, Map<String, byte[]> fichiers)
            throws Exception {
        List<Partie> parties = new ArrayList<>();
        parties.add(Partie.json("rectificatif", rectificatif));
        fichiers.forEach((nom, octets) -> parties.add(Partie.fichier("fichiers", nom, octets)));
        return client.multipart(JetonsDeTest.acheteur(), "/api/marche/consultations/" + id + "/rectificatifs", parties);
    }

    private HttpResponse<String> deposerPli(String jeton, String id, int lot) throws Exception {
        return client.multipart(jeton, "/api/marche/consultations/" + id + "/lots/" + lot + "/plis",
                List.of(Partie.json("offre", "{\"prixHt\":1000}"), Partie.fichier("pieces", "offre.pdf", RC)));
    }

    private HttpResponse<String> poser(String jeton, String id, String texte) throws Exception {
        return client.envoyer("POST", "/api/marche/consultations/" + id + "/questions", jeton,
                json.writeValueAsString(Map.of("texte", texte)));
    }

    /** The entries of a ZIP archive, in their order. */
    private static Map<String, byte[]> dezipper(byte[] archive) throws Exception {
        Map<String, byte[]> entrees = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entree; (entree = zip.getNextEntry()) != null; ) {
                entrees.put(entree.getName(), zip.readAllBytes());
            }
        }
        return entrees;
    }

    /** Reads the marche topic from the start until {@code nombre} events of that type for that consultation came. */
    private ConsumerRecord<String, byte[]> attendreEvenement(String id, String type, int nombre) {
        try (var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                "bootstrap.servers", InfrastructureDeTest.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-dce-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consommateur.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, byte[]>> trouves = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(300))) {
                    if (id.equals(record.key()) && type.equals(entete(record, "ce_type"))) {
                        trouves.add(record);
                    }
                }
                return trouves.size() >= nombre;
            });
            return trouves.get(0);
        }
    }

    private static String entete(ConsumerRecord<String, byte[]> record, String nom) {
        var entete = record.headers().lastHeader(nom);
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
    }

    private static byte[] pdf(String texte) {
        return ("%PDF-1.7\n" + texte + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A file that starts like every ZIP-based office document (docx, xlsx, odt). */
    private static byte[] zip(String texte) {
        return ("PK\u0003\u0004" + texte).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
