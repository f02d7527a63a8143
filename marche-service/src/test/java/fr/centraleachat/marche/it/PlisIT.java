package fr.centraleachat.marche.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.pli.scellement.Coffre;
import fr.centraleachat.marche.pli.scellement.PlisScellesException;
import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
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
 * Plis end to end over HTTP: deposit with files, receipts, replacement, withdrawal, late plis, and the seal —
 * nothing of a pli's content is readable before the opening, not in answers, not in the store, not through the
 * vault itself; after the opening the vault gives back the price and files whose hashes match the receipts.
 */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"centrale.cloture.intervalle=300ms", "centrale.outbox.intervalle=100ms",
            "centrale.plis.taille-max-fichier=64KB"})
@Import({JetonsDeTest.Configuration.class, HorlogeDesScenarios.class})
class PlisIT {

    static final Instant PUBLICATION = ScenarioConsultations.PUBLICATION;
    static final String SIRET_2 = "55210055400013";
    static final String SIRET_3 = "21210231300013";
    static final byte[] PDF = ("%PDF-1.7\nmémoire technique : PRIX-SECRET-4242\n%%EOF\n").getBytes(StandardCharsets.UTF_8);


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-plis");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HorlogeReglable horloge;

    @Autowired
    Coffre coffre;

    @Autowired
    StockageFichiers stockage;

    private final ClientHttpDeTest client = new ClientHttpDeTest(() -> port);
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void membresActifsEtHorloge() throws Exception {
        horloge.regler(PUBLICATION);
        MembresActifsDeTest.activer(InfrastructureDeTest.kafka().bootstrapServers(), mongo, "plis-it",
                List.of(JetonsDeTest.SIREN_DIJON, JetonsDeTest.SIREN_TALANT));
    }

    @Test
    void receivesSealedPlisAndNobodyReadsThemBeforeTheOpening() throws Exception {
        String id = consultationPubliee();
        HttpResponse<String> premier = deposer(JetonsDeTest.fournisseur(), id, 1, "12345.67", PDF, "offre.pdf");
        assertThat(premier.statusCode()).as(premier.body()).isEqualTo(201);
        JsonNode accuse = json.readTree(premier.body());
        String numero = accuse.get("numero").asString();
        assertThat(premier.headers().firstValue("Location")).get().asString().endsWith("/api/marche/plis/" + numero);
        assertThat(accuse.get("statut").asString()).isEqualTo("DEPOSE");
        assertThat(accuse.get("horsDelai").asBoolean()).isFalse();
        assertThat(accuse.get("recuLe").asString()).isEqualTo("2026-12-01T10:00:00+01:00");
        assertThat(accuse.get("pieces").get(0).get("sha256").asString()).isEqualTo(sha256(PDF));
        assertThat(accuse.get("pieces").get(0).get("typeContenu").asString()).isEqualTo("application/pdf");
        assertThat(premier.body()).doesNotContain("12345");

        horloge.regler(PUBLICATION.plusSeconds(60));
        HttpResponse<String> remplacant = deposer(JetonsDeTest.fournisseur(), id, 1, "11000", PDF, "offre-v2.pdf");
        assertThat(remplacant.statusCode()).isEqualTo(201);
        assertThat(deposer(fournisseur2(), id, 1, "9999.99", PDF, "offre.pdf").statusCode()).isEqualTo(201);
        HttpResponse<String> lot2 = deposer(fournisseur2(), id, 2, "5000", PDF, "lot2.pdf");
        String numeroLot2 = json.readTree(lot2.body()).get("numero").asString();

        // The acheteur sees counts only; receipts show no price; another supplier does not see the pli at all.
        HttpResponse<String> decompte = client.envoyer("GET", "/api/marche/consultations/" + id + "/plis/decompte",
                JetonsDeTest.acheteur());
        assertThat(decompte.statusCode()).isEqualTo(200);
        JsonNode lots = json.readTree(decompte.body());
        assertThat(lots.get(0).get("lot").asInt()).isEqualTo(1);
        assertThat(lots.get(0).get("enVigueur").asInt()).isEqualTo(2);
        assertThat(lots.get(0).get("remplaces").asInt()).isEqualTo(1);
        assertThat(decompte.body()).doesNotContain("12345").doesNotContain("9999");
        HttpResponse<String> vuParLAcheteur = client.envoyer("GET", "/api/marche/plis/" + numero,
                JetonsDeTest.acheteur());
        assertThat(vuParLAcheteur.statusCode()).isEqualTo(200);
        assertThat(vuParLAcheteur.body()).contains("REMPLACE").doesNotContain("12345").doesNotContain("PRIX-SECRET");
        assertThat(client.envoyer("GET", "/api/marche/plis/" + numero, fournisseur2()).statusCode()).isEqualTo(404);
        HttpResponse<String> mesPlis = client.envoyer("GET", "/api/marche/consultations/" + id + "/mes-plis",
                JetonsDeTest.fournisseur());
        assertThat(json.readTree(mesPlis.body())).hasSize(2);

        // The journal records each deposit, replacement and withdrawal, naming neither the supplier nor the content.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.envoyer("GET",
                "/api/marche/consultations/"
                + id + "/journal?taille=50", JetonsDeTest.acheteur()).body()).contains("PLI_DEPOSE", "PLI_REMPLACE"));
        String journal = client.envoyer("GET", "/api/marche/consultations/" + id + "/journal?taille=50",
                JetonsDeTest.acheteur()).body();
        assertThat(journal).contains("soumissionnaire").doesNotContain("73282932000074").doesNotContain(SIRET_2)
                .doesNotContain("\"fournisseur\"").doesNotContain("12345");

        // Nothing readable in the store: the offer and the files are ciphertext.
        for (Document soumission : mongo.find(new org.springframework.data.mongodb.core.query.Query(), Document.class,
                "soumissions")) {
            assertThat(soumission.toJson()).doesNotContain("12345").doesNotContain("9999.99");
        }
        for (Document morceau : mongo.findAll(Document.class, "plis.chunks")) {
            assertThat(new String(morceau.get("data", Binary.class).getData(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("PRIX-SECRET").doesNotContain("%PDF");
        }
        // And the vault itself refuses, whoever calls it, before the opening.
        byte[] scelle = offreScellee(numero);
        assertThatThrownBy(() -> coffre.desceller(id, scelle, numero)).isInstanceOf(PlisScellesException.class);
        String fichier = pieceStockee(numero);
        assertThatThrownBy(() -> stockage.lire("plis", fichier, coffre.enveloppe(id, numero + "/0"),
                new ByteArrayOutputStream())).isInstanceOf(PlisScellesException.class);

        // Withdrawal before the DLRO; after it a pli is late and a withdrawal is refused.
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/lots/2/plis/" + numeroLot2 + "/retrait",
                fournisseur2()).statusCode()).isEqualTo(204);
        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        HttpResponse<String> tardif = deposer(JetonsDeTest.fournisseur(), id, 2, "4000", PDF, "tardif.pdf");
        assertThat(tardif.statusCode()).as(tardif.body()).isEqualTo(201);
        assertThat(json.readTree(tardif.body()).get("horsDelai").asBoolean()).isTrue();
        assertThat(json.readTree(tardif.body()).get("statut").asString()).isEqualTo("HORS_DELAI");
        String premierDuLot1 = json.readTree(remplacant.body()).get("numero").asString();
        HttpResponse<String> retraitTardif = client.envoyer("POST", "/api/marche/consultations/" + id + "/lots/1/plis/"
                + premierDuLot1 + "/retrait", JetonsDeTest.fournisseur());
        assertThat(retraitTardif.statusCode()).isEqualTo(409);
        assertThat(retraitTardif.body()).contains("date limite");

        // Closed automatically, then opened: now the vault gives the offer back, and the file matches its receipt.
        await().atMost(Duration.ofSeconds(15)).until(() -> statut(id).equals("CLOTUREE"));
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur())
                .statusCode()).isEqualTo(200);
        // The procès-verbal: every pli per lot, on time or late, each file checked against its receipt.
        // Who opened and when come from the journal, which receives the opening a moment after it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(json.readTree(client.envoyer("GET",
                "/api/marche/consultations/" + id + "/proces-verbal-ouverture", JetonsDeTest.acheteur()).body())
                .path("ouvertPar").asString("")).isEqualTo("acheteur"));
        HttpResponse<String> pv = client.envoyer("GET", "/api/marche/consultations/" + id + "/proces-verbal-ouverture",
                JetonsDeTest.acheteur());
        assertThat(pv.statusCode()).as(pv.body()).isEqualTo(200);
        JsonNode procesVerbal = json.readTree(pv.body());
        assertThat(procesVerbal.get("lots").get(0).get("plis")).hasSize(3);
        assertThat(procesVerbal.get("lots").get(1).get("plis")).extracting(p -> p.get("horsDelai").asBoolean())
                .containsExactly(false, true);
        assertThat(procesVerbal.get("anomalies").asLong()).isZero();
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("plis.numero").is(numero)),
                new org.springframework.data.mongodb.core.query.Update().set("plis.0.pieces.0.sha256", "0".repeat(64)),
                "soumissions");
        JsonNode altere = json.readTree(client.envoyer("GET",
                "/api/marche/consultations/" + id + "/proces-verbal-ouverture",
                JetonsDeTest.acheteur()).body());
        assertThat(altere.get("anomalies").asLong()).isEqualTo(1);
        HttpResponse<byte[]> pdf = client.telecharger("/api/marche/consultations/" + id
                + "/proces-verbal-ouverture.pdf", JetonsDeTest.acheteur());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String texte = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(texte).contains("Procès-verbal d'ouverture des plis", numero, "HORS DÉLAI", "NON CONFORME");
        }

        String offre = new String(coffre.desceller(id, offreScellee(premierDuLot1), premierDuLot1),
                StandardCharsets.UTF_8);
        assertThat(json.readTree(offre).get("prixHt").asString()).isEqualTo("11000.00");
        ByteArrayOutputStream clair = new ByteArrayOutputStream();
        stockage.lire("plis", pieceStockee(premierDuLot1), coffre.enveloppe(id, premierDuLot1 + "/0"), clair);
        assertThat(sha256(clair.toByteArray())).isEqualTo(sha256(PDF));
        // Bound to its pli: the same ciphertext does not open under another pli's number.
        assertThatThrownBy(() -> coffre.desceller(id, offreScellee(premierDuLot1), numero))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAFileWhoseContentIsNotAnAcceptedTypeAndKeepsNothingOfThePli() throws Exception {
        String id = consultationPubliee();
        long fichiersAvant = mongo.getCollection("plis.files").countDocuments();
        byte[] executable = "MZ\u0090\u0000 programme".getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> refuse = deposerPlusieurs(JetonsDeTest.fournisseur(), id, 1, "100",
                Map.of("offre.pdf", PDF, "offre.pdf.exe", executable));

        assertThat(refuse.statusCode()).as(refuse.body()).isEqualTo(400);
        assertThat(refuse.body()).contains("n'est pas d'un type accepté").contains("\"champ\":\"offre\"");
        assertThat(mongo.getCollection("plis.files").countDocuments()).isEqualTo(fichiersAvant);
        assertThat(json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id + "/mes-plis",
                JetonsDeTest.fournisseur()).body())).isEmpty();
    }

    @Test
    void refusesAFileOverItsSizeLimitWith413() throws Exception {
        String id = consultationPubliee();
        byte[] gros = new byte[70 * 1024];
        System.arraycopy(PDF, 0, gros, 0, PDF.length);

        HttpResponse<String> refuse = deposer(JetonsDeTest.fournisseur(), id, 1, "100", gros, "gros.pdf");

        assertThat(refuse.statusCode()).as(refuse.body()).isIn(413);
        assertThat(refuse.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void onlySuppliersFilePlisAndOnlyOnPublishedConsultationsAndExistingLots() throws Exception {
        String id = consultationPubliee();
        assertThat(deposer(JetonsDeTest.acheteur(), id, 1, "1", PDF, "a.pdf").statusCode()).isEqualTo(403);
        assertThat(deposer(JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON), id, 1, "1", PDF, "a.pdf").statusCode())
                .isEqualTo(403);
        assertThat(deposer(JetonsDeTest.fournisseur(), id, 9, "1", PDF, "a.pdf").statusCode()).isEqualTo(404);
        String brouillon = creer();
        assertThat(deposer(JetonsDeTest.fournisseur(), brouillon, 1, "1", PDF, "a.pdf").statusCode()).isEqualTo(404);
        HttpResponse<String> sansPrix = deposerPlusieurs(JetonsDeTest.fournisseur(), id, 1, null, Map.of("a.pdf", PDF));
        assertThat(sansPrix.statusCode()).isEqualTo(400);
        assertThat(client.envoyer("GET", "/api/marche/consultations/" + id + "/plis/decompte",
                JetonsDeTest.fournisseur())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void analysesTheOpenedOffersAwardsALotDeclaresTheOtherInfructueuxAndStartsTheStandstill() throws Exception {
        String id = consultationPubliee();
        String a = numero(deposer(JetonsDeTest.fournisseur(), id, 1, "10000", PDF, "a.pdf"));
        String b = numero(deposer(fournisseur2(), id, 1, "11000", PDF, "b.pdf"));
        String bas = numero(deposer(JetonsDeTest.jeton("fournisseur3", List.of("FOURNISSEUR"), null, SIRET_3), id, 1,
                "6000", PDF, "c.pdf"));
        String lot1 = "/api/marche/consultations/" + id + "/lots/1";
        HttpResponse<String> tropTot = client.envoyer("GET", lot1 + "/analyse", JetonsDeTest.acheteur());
        assertThat(tropTot.statusCode()).isEqualTo(409);
        assertThat(tropTot.body()).contains("ouverture des plis");

        horloge.regler(Instant.parse("2027-01-15T11:00:01Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> statut(id).equals("CLOTUREE"));
        assertThat(client.envoyer("POST", "/api/marche/consultations/" + id + "/ouverture-des-plis",
                JetonsDeTest.acheteur())
                .statusCode()).isEqualTo(200);

        JsonNode analyse = json.readTree(client.envoyer("GET", lot1 + "/analyse", JetonsDeTest.acheteur()).body());
        assertThat(analyse.get("offres")).hasSize(3);
        assertThat(analyse.get("offresAnormalementBasses")).hasSize(1);
        assertThat(analyse.get("offresAnormalementBasses").get(0).get("numeroPli").asString()).isEqualTo(bas);
        assertThat(analyse.get("notesManquantes")).hasSize(3);
        assertThat(client.envoyer("GET", lot1 + "/analyse", JetonsDeTest.fournisseur()).statusCode()).isEqualTo(403);
        HttpResponse<String> prematuree = client.envoyer("POST", lot1 + "/attribution", JetonsDeTest.acheteur(), "{}");
        assertThat(prematuree.statusCode()).isEqualTo(400);
        assertThat(prematuree.body()).contains("Notes manquantes");

        for (String pli : List.of(a, b, bas)) {
            HttpResponse<String> note = client.envoyer("POST", lot1 + "/analyse/notes", JetonsDeTest.acheteur(),
                    "{\"numeroPli\":\"" + pli + "\",\"critere\":\"Valeur technique\",\"note\":"
                            + (pli.equals(b) ? "38" : "30") + ",\"commentaire\":\"Mémoire complet.\"}");
            assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        }
        assertThat(client.envoyer("POST", lot1 + "/analyse/offres-anormalement-basses", JetonsDeTest.acheteur(),
                "{\"numeroPli\":\"" + bas + "\",\"justifiee\":false,\"raison\":\"Coûts salariaux non couverts.\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> attribution = client.envoyer("POST", lot1 + "/attribution", JetonsDeTest.acheteur(), "{}");
        assertThat(attribution.statusCode()).as(attribution.body()).isEqualTo(200);
        JsonNode attribuee = json.readTree(attribution.body());
        // A: 60 + 30 = 90; B: 60 × 10000/11000 + 38 = 54.55 + 38 = 92.55: B wins, the low offer being excluded.
        assertThat(attribuee.get("statut").asString()).isEqualTo("ATTRIBUE");
        assertThat(attribuee.get("attribution").get("numeroPli").asString()).isEqualTo(b);
        assertThat(attribuee.get("classement").get(0).get("noteTotale").decimalValue()).isEqualByComparingTo("92.55");

        String lot2 = "/api/marche/consultations/" + id + "/lots/2";
        JsonNode analyseLot2 = json.readTree(client.envoyer("GET", lot2 + "/analyse", JetonsDeTest.acheteur()).body());
        assertThat(analyseLot2.get("offres")).isEmpty();
        assertThat(analyseLot2.get("criteres")).extracting(c -> c.get("libelle").asString() + "="
                + c.get("ponderation").asInt()).containsExactly("Prix=80", "Délai de livraison=20");
        assertThat(analyse.get("criteres")).extracting(c -> c.get("libelle").asString())
                .containsExactly("Prix", "Valeur technique");
        assertThat(json.readTree(client.envoyer("POST", lot2 + "/infructueux", JetonsDeTest.acheteur(),
                "{\"raison\":\"Aucune offre reçue.\"}").body()).get("statut").asString()).isEqualTo("INFRUCTUEUX");

        JsonNode rejets = json.readTree(client.envoyer("POST", lot1 + "/rejets", JetonsDeTest.acheteur(),
                "{\"electronique\":true}").body()).get("rejets");
        assertThat(rejets.get("finSuspension").asString()).isEqualTo("2027-01-26T12:00:01+01:00");
        assertThat(statut(id)).isEqualTo("ATTRIBUEE");
        // One letter per offer not retained, kept as sent: the second-ranked one and the excluded one.
        assertThat(rejets.get("lettres")).extracting(l -> l.get("numeroPli").asString()).containsExactly(a, bas);
        String lettreA = texteDuPdf(lot1 + "/rejets/" + a, JetonsDeTest.fournisseur());
        assertThat(lettreA).contains("n'a pas été retenue", "rang 2 sur 2", "90.00 / 100", "SIRET " + SIRET_2,
                "92.55 / 100", "26/01/2027", "R2182-1");
        assertThat(texteDuPdf(lot1 + "/rejets/" + bas, JetonsDeTest.acheteur()))
                .contains("anormalement basse", "Coûts salariaux non couverts.");
        assertThat(client.envoyer("GET", lot1 + "/rejets/" + bas,
                JetonsDeTest.fournisseur()).statusCode()).isEqualTo(404);
        assertThat(client.envoyer("GET", lot1 + "/rejets/" + b, JetonsDeTest.acheteur()).statusCode()).isEqualTo(404);
        assertThat(client.envoyer("POST", lot1 + "/rejets", JetonsDeTest.acheteur(),
                "{\"electronique\":true}").statusCode())
                .isEqualTo(409);

        JsonNode rapport = json.readTree(client.envoyer("GET", lot1 + "/rapport-analyse",
                JetonsDeTest.acheteur()).body());
        assertThat(rapport.get("definitif").asBoolean()).isTrue();
        assertThat(rapport.get("offres")).extracting(o -> o.get("numeroPli").asString()).containsExactly(b, a, bas);
        assertThat(rapport.get("offres").get(2).get("exclusion").get("motif").asString()).isEqualTo("ANORMALEMENT_BASSE");
        assertThat(rapport.get("offres").get(2).get("prixAnormalementBas").get("justifiee").asBoolean()).isFalse();
        assertThat(rapport.get("decision").get("numeroPli").asString()).isEqualTo(b);
        assertThat(texteDuPdf(lot1 + "/rapport-analyse.pdf", JetonsDeTest.acheteur()))
                .contains("Rapport d'analyse des offres - lot 1", "Rang 1 - offre " + b, "Mémoire complet.",
                        "justification rejetée", "Décision : lot attribué");
        assertThat(client.envoyer("GET", lot1 + "/rapport-analyse",
                JetonsDeTest.fournisseur()).statusCode()).isEqualTo(403);
        String notification = "{\"forme\":\"ACCORD_CADRE_BONS_DE_COMMANDE\",\"formePrix\":\"UNITAIRE\","
                + "\"montantMaximumHt\":200000,\"dureeMois\":48,\"dateDebut\":\"2027-02-01\"}";
        HttpResponse<String> pendantLaSuspension = client.envoyer("POST", lot1 + "/notification",
                JetonsDeTest.acheteur(),
                notification);
        assertThat(pendantLaSuspension.statusCode()).isEqualTo(400);
        assertThat(pendantLaSuspension.body()).contains("délai de suspension");

        horloge.regler(Instant.parse("2027-01-26T11:00:01Z"));
        HttpResponse<String> notifie = client.envoyer("POST", lot1 + "/notification", JetonsDeTest.acheteur(),
                notification);
        assertThat(notifie.statusCode()).as(notifie.body()).isEqualTo(200);
        JsonNode marche = json.readTree(notifie.body()).get("marche");
        assertThat(marche.get("numero").asString()).matches("2027-\\d{4}-L1");
        assertThat(marche.get("titulaireSiret").asString()).isEqualTo(SIRET_2);
        assertThat(marche.get("montantMaximumHt").decimalValue()).isEqualByComparingTo("200000");
        assertThat(marche.get("dateFin").asString()).isEqualTo("2031-01-31");
        assertThat(marche.get("offresRecues").asInt()).isEqualTo(3);
        // Lot 1 notified, lot 2 infructueux: the consultation is notified.
        assertThat(statut(id)).isEqualTo("NOTIFIEE");

        // Avenants stay within their legal limits: de minimis changes under 10 % of the initial maximum.
        HttpResponse<String> tropGrand = client.envoyer("POST", lot1 + "/avenants", JetonsDeTest.acheteur(),
                "{\"baseLegale\":\"DE_MINIMIS\",\"montantHt\":25000,\"justification\":\"Ajout de références.\","
                        + "\"date\":\"2027-01-26\"}");
        assertThat(tropGrand.statusCode()).as(tropGrand.body()).isEqualTo(400);
        assertThat(tropGrand.body()).contains("R2194-8", "12.50 % du montant initial de 200000.00 € HT");
        HttpResponse<String> avenant = client.envoyer("POST", lot1 + "/avenants", JetonsDeTest.acheteur(),
                "{\"baseLegale\":\"DE_MINIMIS\",\"montantHt\":15000,\"justification\":\"Ajout de références.\","
                        + "\"date\":\"2027-01-26\"}");
        assertThat(avenant.statusCode()).as(avenant.body()).isEqualTo(201);
        JsonNode avecAvenant = json.readTree(avenant.body()).get("marche");
        assertThat(avecAvenant.get("montantActuelHt").decimalValue()).isEqualByComparingTo("215000");
        assertThat(avecAvenant.get("avenants")).hasSize(1);
        assertThat(avecAvenant.get("avenants").get(0).get("article").asString()).isEqualTo("R2194-8");

        // The marché is terminated once, from a date within its term.
        assertThat(client.envoyer("POST", lot1 + "/resiliation", JetonsDeTest.acheteur(),
                "{\"dateEffet\":\"2031-02-01\",\"motif\":\"Défaillance du titulaire.\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> resilie = client.envoyer("POST", lot1 + "/resiliation", JetonsDeTest.acheteur(),
                "{\"dateEffet\":\"2028-06-30\",\"motif\":\"Défaillance du titulaire (article 12 du CCAP).\"}");
        assertThat(resilie.statusCode()).as(resilie.body()).isEqualTo(200);
        assertThat(json.readTree(resilie.body()).get("marche").get("resiliation").get("dateEffet").asString())
                .isEqualTo("2028-06-30");
        assertThat(client.envoyer("POST", lot1 + "/resiliation", JetonsDeTest.acheteur(),
                "{\"dateEffet\":\"2028-07-01\",\"motif\":\"Encore.\"}").statusCode()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.envoyer("GET",
                "/api/marche/consultations/" + id + "/journal?taille=100", JetonsDeTest.acheteur()).body())
                .contains("ATTRIBUTION", "EXAMEN_PRIX_BAS", "INFRUCTUEUX", "ENVOI_REJETS", "LETTRE_DE_REJET", "NOTATION",
                        "NOTIFICATION", "AVENANT", "RESILIATION"));
    }

    private String texteDuPdf(String chemin, String jeton) throws Exception {
        HttpResponse<byte[]> pdf = client.telecharger(chemin, jeton);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private String numero(HttpResponse<String> reponse) {
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("numero").asString();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String fournisseur2() {
        return JetonsDeTest.jeton("fournisseur2", List.of("FOURNISSEUR"), null, SIRET_2);
    }

    private String creer() throws Exception {
        HttpResponse<String> reponse = client.envoyer("POST", "/api/marche/consultations", JetonsDeTest.acheteur(),
                ScenarioConsultations.consultation("30192000-1", 60, 40, ScenarioConsultations.DLRO_LEGALE)
                        // Lot 2 is judged on its own criteria.
                        .replace("\"montantEstime\":100000}", "\"montantEstime\":100000,\"criteres\":["
                                + "{\"libelle\":\"Prix\",\"ponderation\":80,\"type\":\"PRIX\"},"
                                + "{\"libelle\":\"Délai de livraison\",\"ponderation\":20,\"type\":\"AUTRE\"}]}"));
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        return json.readTree(reponse.body()).get("id").asString();
    }

    private String consultationPubliee() throws Exception {
        String id = creer();
        HttpResponse<String> publication = client.envoyer("POST", "/api/marche/consultations/" + id + "/publication",
                JetonsDeTest.acheteur());
        assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
        return id;
    }

    private String statut(String id) throws Exception {
        return json.readTree(client.envoyer("GET", "/api/marche/consultations/" + id, JetonsDeTest.acheteur()).body())
                .get("statut").asString();
    }

    private byte[] offreScellee(String numero) {
        Document soumission = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("plis.numero").is(numero)), Document.class,
                "soumissions");
        return soumission.getList("plis", Document.class).stream().filter(p -> numero.equals(p.getString("numero")))
                .findFirst().orElseThrow().get("offreScellee", Binary.class).getData();
    }

    private String pieceStockee(String numero) {
        Document soumission = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("plis.numero").is(numero)), Document.class,
                "soumissions");
        return soumission.getList("plis", Document.class).stream().filter(p -> numero.equals(p.getString("numero")))
                .findFirst().orElseThrow().getList("pieces", Document.class).get(0).getString("fichier");
    }

    private HttpResponse<String> deposer(String jeton, String id, int lot, String prix, byte[] fichier, String nom)
            throws Exception {
        return deposerPlusieurs(jeton, id, lot, prix, Map.of(nom, fichier));
    }

    private HttpResponse<String> deposerPlusieurs(String jeton, String id, int lot, String prix,
            Map<String, byte[]> fichiers) throws Exception {
        String offre = prix == null ? "{\"referenceDume\":\"DUME-1\"}" : "{\"prixHt\":" + prix + "}";
        return client.deposerPli(jeton, id, lot, offre, fichiers);
    }

    private static String sha256(byte[] octets) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets));
    }
}
