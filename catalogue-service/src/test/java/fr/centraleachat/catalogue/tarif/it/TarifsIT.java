package fr.centraleachat.catalogue.tarif.it;

import fr.centraleachat.catalogue.tarif.ClasseurForge;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.catalogue.CatalogueApplication;
import fr.centraleachat.catalogue.tarif.application.ServiceTarifs;
import fr.centraleachat.catalogue.tarif.application.Tarifs;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Price lists end to end over HTTP with real tokens, against mongo-java-server (no multi-document transaction):
 * import → history → prices by date → revision → export → import again; all or nothing; the hostile file corpus.
 */
@SpringBootTest(classes = CatalogueApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
class TarifsIT {

    static final String ENTETE = "référence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\n";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "catalogue-tarifs");
        // Lower than in production (50 MB) so that a file over the limit costs the test little.
        registry.add("centrale.tarifs.taille-max-fichier", () -> "20MB");
        registry.add("centrale.limites.televersement-max", () -> "30MB");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Contrats contrats;

    @Autowired
    TarifsEnVigueur tarifsEnVigueur;

    @Autowired
    ServiceTarifs service;

    @Autowired
    Tarifs tarifs;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    // ---------------------------------------------------------------- the round trip

    @Test
    void importRevisePriceByDateExportAndImportAgain() throws Exception {
        String numero = nouveauMarche(List.of());
        String csv = "\uFEFFRéférence;Désignation;Unité;Conditionnement;Prix unitaire HT (€);Taux de TVA (%);Code CPV\r\n"
                + "PAP-A4;\"Ramette papier A4; 80 g\";ramette;carton de 5;3,20;20;30197630-1\r\n"
                + "STY-BL;Stylo bille bleu;pièce;boîte de 50;0,1234;20;\r\n"
                + "CAF-1;Café moulu;paquet;;\"1 234,5678\";5,5;\r\n";

        HttpResponse<String> premiere = televerser(numero, "tarif 2027.csv", csv.getBytes(StandardCharsets.UTF_8),
                "2027-01-01", JetonsDeTest.acheteur());
        assertThat(premiere.statusCode()).as(premiere.body()).isEqualTo(201);
        assertThat(premiere.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/catalogue/contrats/" + numero + "/tarifs/versions/1");
        JsonNode v1 = json.readTree(premiere.body());
        assertThat(v1.get("numero").asInt()).isEqualTo(1);
        assertThat(v1.get("source").asString()).isEqualTo("IMPORT");
        assertThat(v1.get("format").asString()).isEqualTo("CSV");
        assertThat(v1.get("nomFichier").asString()).isEqualTo("tarif 2027.csv");
        assertThat(v1.get("lignes").asLong()).isEqualTo(3);
        assertThat(v1.has("id")).isFalse();

        byte[] xlsx = classeur(f -> {
            ligne(f, 1, "PAP-A4", "Ramette papier A4 80 g", "ramette", "carton de 5", 3.5, 0.2);
            ligne(f, 2, "ENC-N", "Cartouche d'encre noire", "pièce", null, 24.9, 20);
        });
        HttpResponse<String> deuxieme = televerser(numero, "tarif-2028.xlsx", xlsx, "2028-01-01", JetonsDeTest.acheteur());
        assertThat(deuxieme.statusCode()).as(deuxieme.body()).isEqualTo(201);
        assertThat(json.readTree(deuxieme.body()).get("format").asString()).isEqualTo("XLSX");

        HttpResponse<String> revision = post("/api/catalogue/contrats/" + numero + "/tarifs/revisions",
                "{\"coefficient\":1.0325,\"dateEffet\":\"2027-07-01\",\"motif\":\"Révision semestrielle, article 10.2 du CCAP\"}",
                JetonsDeTest.acheteur());
        assertThat(revision.statusCode()).as(revision.body()).isEqualTo(201);
        JsonNode v3 = json.readTree(revision.body());
        assertThat(v3.get("numero").asInt()).isEqualTo(3);
        assertThat(v3.get("source").asString()).isEqualTo("REVISION");
        assertThat(v3.get("coefficient").decimalValue()).isEqualByComparingTo("1.0325");
        assertThat(v3.get("versionDeBase").asInt()).isEqualTo(1);
        assertThat(v3.get("lignes").asLong()).isEqualTo(3);

        JsonNode historique = json.readTree(get("/api/catalogue/contrats/" + numero + "/tarifs/versions",
                JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON)).body());
        assertThat(historique.findValuesAsString("dateEffet")).containsExactly("2027-01-01", "2028-01-01", "2027-07-01");

        // The version in force on each date, for the web and for the rest of the catalogue.
        assertThat(lignes(numero, "2027-03-01").get("version").get("numero").asInt()).isEqualTo(1);
        JsonNode revisees = lignes(numero, "2027-08-01");
        assertThat(revisees.get("version").get("numero").asInt()).isEqualTo(3);
        // In the order of the file, which a revision keeps.
        assertThat(revisees.get("elements").findValuesAsString("reference")).containsExactly("PAP-A4", "STY-BL", "CAF-1");
        assertThat(revisees.get("elements").get(0).get("prixUnitaireHt").decimalValue()).isEqualByComparingTo("3.304");
        assertThat(revisees.get("elements").get(0).get("prixUnitaireTtc").decimalValue()).isEqualByComparingTo("3.96");
        assertThat(lignes(numero, "2028-06-30").get("version").get("numero").asInt()).isEqualTo(2);
        assertThat(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes?date=2026-12-31", JetonsDeTest.acheteur())
                .statusCode()).isEqualTo(404);

        assertThat(tarifsEnVigueur.prix(numero, "CAF-1", LocalDate.of(2027, 1, 1)).orElseThrow().prixUnitaireHt())
                .isEqualTo(new BigDecimal("1234.5678"));
        // 1234.5678 × 1.0325 = 1274.6912535 → 1274.6913 (half up, 4 decimals)
        assertThat(tarifsEnVigueur.prix(numero, "CAF-1", LocalDate.of(2027, 12, 31)).orElseThrow().prixUnitaireHt())
                .isEqualTo(new BigDecimal("1274.6913"));
        assertThat(tarifsEnVigueur.prix(numero, "CAF-1", LocalDate.of(2028, 1, 1))).isEmpty();
        assertThat(tarifsEnVigueur.prix(numero, "PAP-A4", LocalDate.of(2026, 1, 1))).isEmpty();
        List<String> parcourues = new ArrayList<>();
        assertThat(tarifsEnVigueur.parcourir(numero, LocalDate.of(2028, 1, 1), l -> parcourues.add(l.reference()))
                .orElseThrow().numero()).isEqualTo(2);
        assertThat(parcourues).containsExactly("PAP-A4", "ENC-N");

        JsonNode page = json.readTree(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes?date=2027-08-01&page=1&taille=2",
                JetonsDeTest.fournisseur()).body());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("elements").findValuesAsString("reference")).containsExactly("CAF-1");

        // Exports of the revised version, read by an agent and a supplier, imported back unchanged.
        List<LigneTarif> enVigueur = lignesEnVigueur(numero, LocalDate.of(2027, 8, 1));
        HttpResponse<byte[]> exportCsv = getOctets("/api/catalogue/contrats/" + numero + "/tarifs/export.csv?date=2027-08-01",
                JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT));
        assertThat(exportCsv.statusCode()).isEqualTo(200);
        assertThat(exportCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(exportCsv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("tarif-" + numero + "-v3.csv");
        String texteCsv = new String(exportCsv.body(), StandardCharsets.UTF_8);
        assertThat(texteCsv).contains("CAF-1;Café moulu;paquet;;1274,6913;5,5;\r\n");
        assertThat(televerser(numero, "export.csv", exportCsv.body(), "2029-01-01", JetonsDeTest.acheteur()).statusCode())
                .isEqualTo(201);
        assertThat(lignesEnVigueur(numero, LocalDate.of(2029, 1, 1))).isEqualTo(enVigueur);

        HttpResponse<byte[]> exportXlsx = getOctets("/api/catalogue/contrats/" + numero + "/tarifs/export.xlsx?date=2027-08-01",
                JetonsDeTest.fournisseur());
        assertThat(exportXlsx.statusCode()).isEqualTo(200);
        assertThat(exportXlsx.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(televerser(numero, "export.xlsx", exportXlsx.body(), "2030-01-01", JetonsDeTest.acheteur()).statusCode())
                .isEqualTo(201);
        assertThat(lignesEnVigueur(numero, LocalDate.of(2030, 1, 1))).isEqualTo(enVigueur);
        assertThat(getOctets("/api/catalogue/contrats/" + numero + "/tarifs/export.xlsx?date=2027-08-01",
                JetonsDeTest.admin()).body()).isEqualTo(exportXlsx.body());

        assertThat(tarifsEnVigueur.versions(numero)).extracting(v -> v.source()).containsExactly(SourceVersion.IMPORT,
                SourceVersion.IMPORT, SourceVersion.REVISION, SourceVersion.IMPORT, SourceVersion.IMPORT);
    }

    // ---------------------------------------------------------------- all or nothing

    @Test
    void aFileWithOneBadRowImportsNothingEvenPastTheFirstBatches() throws Exception {
        String numero = nouveauMarche(List.of());
        assertThat(televerser(numero, "v1.csv", (ENTETE + "A;Article;pièce;;1;20;\n").getBytes(StandardCharsets.UTF_8),
                "2027-01-01", JetonsDeTest.acheteur()).statusCode()).isEqualTo(201);
        long blocsAvant = mongo.getCollection("blocs_tarif").countDocuments();
        Document avant = mongo.findById(numero, Document.class, "tarifs");

        StringBuilder texte = new StringBuilder(ENTETE);
        for (int i = 2; i <= 3_001; i++) {
            texte.append("R").append(i).append(";Article ").append(i).append(";pièce;;")
                    .append(i == 2_500 ? "12,345678" : "2,5").append(";20;\n");
        }
        texte.append("X1;Article;pièce;;1;20;\nX1;Doublon;pièce;;1;20;\n");
        HttpResponse<String> reponse = televerser(numero, "v2.csv", texte.toString().getBytes(StandardCharsets.UTF_8),
                "2028-01-01", JetonsDeTest.acheteur());

        assertThat(reponse.statusCode()).isEqualTo(400);
        assertThat(reponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode probleme = json.readTree(reponse.body());
        assertThat(probleme.get("detail").asString()).isEqualTo("Le fichier « v2.csv » est refusé : aucune ligne n'a été "
                + "importée. 2 erreurs.");
        assertThat(probleme.get("erreursTotal").asLong()).isEqualTo(2);
        assertThat(probleme.get("erreurs").findValuesAsString("message")).containsExactly(
                "ligne 2500, colonne prix : « 12,345678 » a plus de 4 décimales.",
                "ligne 3003, colonne référence : « X1 » figure déjà ligne 3002 : chaque référence n'apparaît qu'une fois.");
        assertThat(probleme.get("erreurs").findValuesAsString("champ")).containsOnly("fichier");

        assertThat(mongo.getCollection("blocs_tarif").countDocuments()).isEqualTo(blocsAvant);
        Document apres = mongo.findById(numero, Document.class, "tarifs");
        assertThat(apres.get("versions")).isEqualTo(avant.get("versions"));
        assertThat(apres.getList("enCours", Document.class)).isEmpty();
        assertThat(tarifsEnVigueur.versions(numero)).hasSize(1);
    }

    @Test
    void linesStoredBeforeTheyWereIdentifiedByRankAreStillReadInReferenceOrder() throws Exception {
        String numero = nouveauMarche(List.of());
        String versionId = tarifs.ouvrir(numero, Instant.now());
        // As lines were stored before blocks: one document each, with a generated id, found by their version.
        for (String reference : List.of("B-2", "A-1", "C-3")) {
            mongo.getCollection("lignes_tarif").insertOne(new Document("version", versionId)
                    .append("reference", reference).append("designation", "Article " + reference)
                    .append("unite", "pièce").append("prixUnitaireHt", "1.50").append("tauxTva", "20"));
        }
        tarifs.publier(numero, versionId, new Tarifs.NouvelleVersion(LocalDate.of(2027, 1, 1), SourceVersion.IMPORT,
                "CSV", "ancien.csv", null, null, null, 3, Instant.now(), "acheteur"));

        assertThat(lignesEnVigueur(numero, LocalDate.of(2027, 2, 1))).extracting(LigneTarif::reference)
                .containsExactly("A-1", "B-2", "C-3");
        assertThat(lignes(numero, "2027-02-01").get("elements").findValuesAsString("reference"))
                .containsExactly("A-1", "B-2", "C-3");
        assertThat(tarifsEnVigueur.prix(numero, "C-3", LocalDate.of(2027, 2, 1)).orElseThrow().prixUnitaireHt())
                .isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void aVersionWhoseWriterDiedIsRemovedAndCanNoLongerBePublished() {
        String numero = nouveauMarche(List.of());
        String versionId = tarifs.ouvrir(numero, Instant.now().minus(Duration.ofHours(2)));
        tarifs.ajouter(versionId, 0, List.of(new LigneTarif("X", "Article", "pièce", null, BigDecimal.ONE,
                BigDecimal.TEN, null)));
        String recente = tarifs.ouvrir(numero, Instant.now());

        assertThat(service.nettoyer()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.getCollection("blocs_tarif").countDocuments(new Document("version", versionId))).isZero();
        assertThat(mongo.findById(numero, Document.class, "tarifs").getList("enCours", Document.class))
                .extracting(d -> d.getString("id")).containsExactly(recente);
        assertThatThrownBy(() -> tarifs.publier(numero, versionId, new Tarifs.NouvelleVersion(LocalDate.of(2027, 1, 1),
                SourceVersion.IMPORT, "CSV", "x.csv", null, null, null, 1, Instant.now(), "test")))
                .isInstanceOf(Tarifs.VersionAbandonneeException.class);
        tarifs.abandonner(numero, recente);
    }

    // ---------------------------------------------------------------- the hostile corpus

    @Test
    void hostileFilesAreRefusedWithAFrenchReasonAndChangeNothing() throws Exception {
        String numero = nouveauMarche(List.of());
        assertThat(televerser(numero, "v1.csv", (ENTETE + "A;Article;pièce;;1;20;\n").getBytes(StandardCharsets.UTF_8),
                "2027-01-01", JetonsDeTest.acheteur()).statusCode()).isEqualTo(201);
        long blocsAvant = mongo.getCollection("blocs_tarif").countDocuments();

        byte[] millionDeLignesVides = concat(ENTETE.getBytes(StandardCharsets.UTF_8),
                ";;;;;;\n".repeat(1_000_000).getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> corpus = new java.util.LinkedHashMap<>();
        corpus.put("Windows-1252", (ENTETE + "A;Crème brûlée;pièce;;1;20;\n").getBytes(Charset.forName("windows-1252")));
        corpus.put("UTF-16", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ENTETE.getBytes(StandardCharsets.UTF_16LE)));
        corpus.put("virgules", (ENTETE + "A;Article;pièce;;1;20;\n").replace(';', ',').getBytes(StandardCharsets.UTF_8));
        corpus.put("formule CSV", (ENTETE + "A;\"=HYPERLINK(\"\"http://exemple.invalid\"\";\"\"x\"\")\";pièce;;1;20;\n")
                .getBytes(StandardCharsets.UTF_8));
        corpus.put("formules XLSX", classeur(f -> {
            Row rangee = f.createRow(1);
            rangee.createCell(0).setCellValue("A");
            rangee.createCell(1).setCellFormula("CONCATENATE(\"a\",\"b\")");
            rangee.createCell(2).setCellValue("pièce");
            rangee.createCell(4).setCellFormula("1+1");
            rangee.createCell(5).setCellValue(20);
        }));
        corpus.put("cellule énorme CSV", (ENTETE + "A;" + "x".repeat(9_000) + ";pièce;;1;20;\n").getBytes(StandardCharsets.UTF_8));
        corpus.put("ligne sans fin CSV", (ENTETE + "A;\"" + "x".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8));
        corpus.put("cellule énorme XLSX", classeur(f -> ligne(f, 1, "A", "x".repeat(32_000), "pièce", null, 1, 20)));
        corpus.put("1 M lignes vides CSV", millionDeLignesVides);
        corpus.put("1 M lignes vides XLSX", forge(feuille -> {
            feuille.write(enteteForge().getBytes(StandardCharsets.UTF_8));
            StringBuilder lignes = new StringBuilder();
            for (int i = 2; i <= 1_000_001; i++) {
                lignes.append("<row r=\"").append(i).append("\" spans=\"1:7\" s=\"").append(i % 7)
                        .append("\" customFormat=\"1\" ht=\"").append(12 + i % 9).append("\"/>");
                if (lignes.length() > 1 << 16) {
                    feuille.write(lignes.toString().getBytes(StandardCharsets.UTF_8));
                    lignes.setLength(0);
                }
            }
            feuille.write(lignes.toString().getBytes(StandardCharsets.UTF_8));
        }));
        corpus.put("bombe XLSX", forge(feuille -> {
            feuille.write(enteteForge().getBytes(StandardCharsets.UTF_8));
            feuille.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] a = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1_000; i++) {
                feuille.write(a);
            }
            feuille.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
        }));
        corpus.put("Excel 97", concat(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, new byte[512]));
        corpus.put("PDF nommé .csv", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        corpus.put("ZIP qui n'est pas un classeur", zipQuelconque());
        corpus.put("vide", new byte[0]);
        corpus.put("en-tête seul", ENTETE.getBytes(StandardCharsets.UTF_8));
        Map<String, String> attendus = Map.ofEntries(
                Map.entry("Windows-1252", "Ligne 1 : le fichier n'est pas encodé en UTF-8"),
                Map.entry("UTF-16", "UTF-16"),
                Map.entry("virgules", "le séparateur attendu est le point-virgule"),
                Map.entry("formule CSV", "ligne 2, colonne désignation : « =HYPERLINK("),
                Map.entry("formules XLSX", "ligne 2, colonne désignation : formule refusée"),
                Map.entry("cellule énorme CSV", "ligne 2, colonne désignation : cellule trop longue"),
                Map.entry("ligne sans fin CSV", "Ligne 2 : plus de 10000 caractères sans fin de ligne"),
                Map.entry("cellule énorme XLSX", "ligne 2, colonne désignation : cellule trop longue"),
                Map.entry("1 M lignes vides CSV", "plus de 200000 lignes"),
                Map.entry("1 M lignes vides XLSX", "plus de 200000 lignes"),
                Map.entry("bombe XLSX", "bombe de décompression"),
                Map.entry("Excel 97", "Excel 97-2003 (.xls)"),
                Map.entry("PDF nommé .csv", "ni un CSV ni un classeur Excel"),
                Map.entry("ZIP qui n'est pas un classeur", "n'est pas un classeur Excel (.xlsx) lisible"),
                Map.entry("vide", "Le fichier est vide."),
                Map.entry("en-tête seul", "aucune ligne de prix après l'en-tête"));

        for (var cas : corpus.entrySet()) {
            long debut = System.nanoTime();
            HttpResponse<String> reponse = televerser(numero, "hostile.csv", cas.getValue(), "2028-01-01",
                    JetonsDeTest.acheteur());
            long ms = (System.nanoTime() - debut) / 1_000_000;
            System.out.printf("hostile file %-32s %9d bytes → %d in %d ms%n", cas.getKey(), cas.getValue().length,
                    reponse.statusCode(), ms);
            assertThat(reponse.statusCode()).as(cas.getKey() + ": " + reponse.body()).isEqualTo(400);
            assertThat(reponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(json.readTree(reponse.body()).get("erreurs").get(0).get("message").asString())
                    .as(cas.getKey()).contains(attendus.get(cas.getKey()));
        }

        byte[] gros = new byte[21 * 1024 * 1024];
        byte[] ligne = "R;Article;pièce;;1;20;\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < gros.length; i++) {
            gros[i] = ligne[i % ligne.length];
        }
        HttpResponse<String> tropGros = televerser(numero, "gros.csv", concat(ENTETE.getBytes(StandardCharsets.UTF_8),
                gros), "2028-01-01", JetonsDeTest.acheteur());
        assertThat(tropGros.statusCode()).as(tropGros.body()).isEqualTo(413);
        assertThat(tropGros.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        assertThat(tarifsEnVigueur.versions(numero)).hasSize(1);
        assertThat(mongo.getCollection("blocs_tarif").countDocuments()).isEqualTo(blocsAvant);
        assertThat(mongo.findById(numero, Document.class, "tarifs").getList("enCours", Document.class)).isEmpty();
    }

    // ---------------------------------------------------------------- access, draft, refusals

    @Test
    void onlyAcheteursWriteAndEveryUserReads() throws Exception {
        String numero = nouveauMarche(List.of());
        byte[] csv = (ENTETE + "A;Article;pièce;;1;20;\n").getBytes(StandardCharsets.UTF_8);

        assertThat(televerser(numero, "t.csv", csv, "2027-01-01", JetonsDeTest.fournisseur()).statusCode()).isEqualTo(403);
        assertThat(televerser(numero, "t.csv", csv, "2027-01-01", JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON))
                .statusCode()).isEqualTo(403);
        assertThat(televerser(numero, "t.csv", csv, "2027-01-01", null).statusCode()).isEqualTo(401);
        assertThat(televerser("2027-9999-L9", "t.csv", csv, "2027-01-01", JetonsDeTest.acheteur()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> dateFausse = televerser(numero, "t.csv", csv, "01/01/2027", JetonsDeTest.acheteur());
        assertThat(dateFausse.statusCode()).isEqualTo(400);
        assertThat(json.readTree(dateFausse.body()).get("erreurs").get(0).get("champ").asString()).isEqualTo("dateEffet");
        assertThat(televerser(numero, "t.csv", csv, "2025-01-01", JetonsDeTest.acheteur()).statusCode()).isEqualTo(201);

        String revision = "{\"coefficient\":1.05,\"dateEffet\":\"2027-06-01\",\"motif\":\"Indexation\"}";
        assertThat(post("/api/catalogue/contrats/" + numero + "/tarifs/revisions", revision, JetonsDeTest.admin())
                .statusCode()).isEqualTo(403);
        HttpResponse<String> avantLaListe = post("/api/catalogue/contrats/" + numero + "/tarifs/revisions",
                revision.replace("2027-06-01", "2024-06-01"), JetonsDeTest.acheteur());
        assertThat(avantLaListe.statusCode()).isEqualTo(409);
        assertThat(json.readTree(avantLaListe.body()).get("detail").asString()).contains("le 2024-06-01");
        HttpResponse<String> coefficientFaux = post("/api/catalogue/contrats/" + numero + "/tarifs/revisions",
                revision.replace("1.05", "2.5"), JetonsDeTest.acheteur());
        assertThat(coefficientFaux.statusCode()).isEqualTo(400);
        assertThat(json.readTree(coefficientFaux.body()).get("erreurs").get(0).get("champ").asString()).isEqualTo("coefficient");

        for (String jeton : List.of(JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT), JetonsDeTest.fournisseur(),
                JetonsDeTest.admin(), JetonsDeTest.client("systeme-externe", "data:read"))) {
            assertThat(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes", jeton).statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes",
                JetonsDeTest.client("systeme-evenements", "events:read")).statusCode()).isEqualTo(403);
        assertThat(get("/api/catalogue/contrats/" + numero + "/tarifs/versions/7", JetonsDeTest.admin()).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/catalogue/contrats/2027-9999-L9/tarifs/versions", JetonsDeTest.admin()).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/catalogue/contrats/pas%20un%20num%C3%A9ro/tarifs/versions", JetonsDeTest.admin())
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aDraftStartsFromTheWinningPlisBpuAndMustBeCompletedBeforeImport() throws Exception {
        String numero = nouveauMarche(List.of(
                new Document("reference", "PAP-A4").append("prixUnitaireHt", "3.20"),
                new Document("reference", "=CMD|' /C calc'!A0").append("prixUnitaireHt", "1.00")));

        HttpResponse<byte[]> brouillon = getOctets("/api/catalogue/contrats/" + numero + "/tarifs/brouillon-bpu.csv",
                JetonsDeTest.acheteur());
        assertThat(brouillon.statusCode()).isEqualTo(200);
        String texte = new String(brouillon.body(), StandardCharsets.UTF_8);
        assertThat(texte).isEqualTo("\uFEFF" + ENTETE.replace("\n", "\r\n") + "PAP-A4;;;;3,20;;\r\n"
                + "'=CMD|' /C calc'!A0;;;;1,00;;\r\n");
        assertThat(getOctets("/api/catalogue/contrats/" + numero + "/tarifs/brouillon-bpu.csv", JetonsDeTest.admin())
                .statusCode()).isEqualTo(403);

        HttpResponse<String> incomplet = televerser(numero, "brouillon.csv", brouillon.body(), "2027-01-01",
                JetonsDeTest.acheteur());
        assertThat(incomplet.statusCode()).isEqualTo(400);
        assertThat(json.readTree(incomplet.body()).get("erreurs").findValuesAsString("message")).contains(
                "ligne 2, colonne désignation : la désignation est obligatoire.",
                "ligne 2, colonne unité : l'unité est obligatoire (ex. pièce, boîte, kg).");

        String complete = texte.replace("PAP-A4;;;;3,20;;", "PAP-A4;Ramette A4;ramette;;3,20;20;")
                .replace("'=CMD|' /C calc'!A0;;;;1,00;;\r\n", "");
        assertThat(televerser(numero, "complete.csv", complete.getBytes(StandardCharsets.UTF_8), "2027-01-01",
                JetonsDeTest.acheteur()).statusCode()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- volume

    /** Not a timing assertion: prints what 100 000 lines cost, for the record (README). */
    @Test
    void importsAHundredThousandLines() throws Exception {
        String numero = nouveauMarche(List.of());
        StringBuilder texte = new StringBuilder(ENTETE);
        for (int i = 0; i < 100_000; i++) {
            texte.append(String.format("REF-%06d;Article de catalogue n° %d, qualité standard;pièce;boîte de %d;%d,%04d;20;"
                    + "30192000-1%n", i, i, 1 + i % 50, 1 + i % 500, i % 10_000));
        }
        byte[] fichier = texte.toString().getBytes(StandardCharsets.UTF_8);

        var memoire = ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memoire.getHeapMemoryUsage().getUsed();
        AtomicLong pic = new AtomicLong(base);
        Thread sonde = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                pic.accumulateAndGet(memoire.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sonde.start();
        long debut = System.nanoTime();
        HttpResponse<String> reponse = televerser(numero, "100k.csv", fichier, "2025-01-01", JetonsDeTest.acheteur());
        long ms = (System.nanoTime() - debut) / 1_000_000;
        sonde.interrupt();
        sonde.join();

        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(201);
        assertThat(json.readTree(reponse.body()).get("lignes").asLong()).isEqualTo(100_000);
        assertThat(tarifsEnVigueur.prix(numero, "REF-099999", LocalDate.of(2025, 1, 1)).orElseThrow().prixUnitaireHt())
                .isEqualTo(new BigDecimal("500.9999"));
        // Pages in the file's order, across the blocks the lines were written in (1 000 lines each).
        JsonNode acheval = json.readTree(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes?date=2025-01-01&page=6"
                + "&taille=150", JetonsDeTest.acheteur()).body());
        assertThat(acheval.get("total").asLong()).isEqualTo(100_000);
        List<String> references = acheval.get("elements").findValuesAsString("reference");
        assertThat(references).hasSize(150).startsWith("REF-000900", "REF-000901").endsWith("REF-001048", "REF-001049");
        assertThat(json.readTree(get("/api/catalogue/contrats/" + numero + "/tarifs/lignes?date=2025-01-01&page=499"
                + "&taille=200", JetonsDeTest.acheteur()).body()).get("elements").findValuesAsString("reference"))
                .hasSize(200).endsWith("REF-099999");
        long debutExport = System.nanoTime();
        HttpResponse<byte[]> export = getOctets("/api/catalogue/contrats/" + numero + "/tarifs/export.csv", JetonsDeTest.admin());
        long msExport = (System.nanoTime() - debutExport) / 1_000_000;
        assertThat(new String(export.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(100_001);
        System.out.printf("100000-line CSV import (%d bytes): %d ms over HTTP; heap used rose by at most %d MB over %d MB "
                + "(whole test JVM, mongo-java-server holding the lines included); CSV export: %d ms%n", fichier.length,
                ms, (pic.get() - base) / (1024 * 1024), base / (1024 * 1024), msExport);
    }

    // ---------------------------------------------------------------- helpers

    private String nouveauMarche(List<Document> bpu) {
        String numero = "2027-" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)) + "-L"
                + ThreadLocalRandom.current().nextInt(1, 100);
        mongo.remove(Query.query(Criteria.where("_id").is(numero)), "tarifs");
        contrats.enregistrerNotification(new Contrat(numero, "c-" + numero, 1, "Fournitures", "Papier",
                new Siret("55210055400013"), "Papeterie", Contrat.ACCORD_CADRE_BONS_DE_COMMANDE, "UNITAIRE",
                Montant.de(9800), Montant.de(60000), null, LocalDate.of(2020, 1, 1), LocalDate.of(2100, 12, 31),
                List.of(new Siren(JetonsDeTest.SIREN_TALANT)), null, null, "FOURNITURES", "MAPA", null,
                bpu.stream().map(p -> new Contrat.PrixBpu(p.getString("reference"),
                        Montant.de(p.getString("prixUnitaireHt")))).toList(), null, null), UUID.randomUUID().toString());
        return numero;
    }

    private JsonNode lignes(String numero, String date) throws Exception {
        HttpResponse<String> reponse = get("/api/catalogue/contrats/" + numero + "/tarifs/lignes?date=" + date,
                JetonsDeTest.acheteur());
        assertThat(reponse.statusCode()).as(reponse.body()).isEqualTo(200);
        return json.readTree(reponse.body());
    }

    private List<LigneTarif> lignesEnVigueur(String numero, LocalDate date) {
        List<LigneTarif> lignes = new ArrayList<>();
        tarifsEnVigueur.parcourir(numero, date, lignes::add);
        return lignes;
    }

    private static String enteteForge() {
        StringBuilder entete = new StringBuilder("<row r=\"1\">");
        String[] colonnes = {"référence", "désignation", "unité", "conditionnement", "prix", "TVA", "CPV"};
        for (int i = 0; i < colonnes.length; i++) {
            entete.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>").append(colonnes[i])
                    .append("</t></is></c>");
        }
        return entete.append("</row>").toString();
    }

    static byte[] classeur(Consumer<XSSFSheet> remplir) throws IOException {
        try (XSSFWorkbook classeur = new XSSFWorkbook(); ByteArrayOutputStream sortie = new ByteArrayOutputStream()) {
            XSSFSheet feuille = classeur.createSheet("Prix");
            ligne(feuille, 0, "Référence", "Désignation", "Unité", "Conditionnement", "Prix unitaire HT", "Taux de TVA", "CPV");
            remplir.accept(feuille);
            classeur.write(sortie);
            return sortie.toByteArray();
        }
    }

    static void ligne(XSSFSheet feuille, int index, Object... valeurs) {
        Row rangee = feuille.createRow(index);
        for (int i = 0; i < valeurs.length; i++) {
            if (valeurs[i] instanceof Number n) {
                rangee.createCell(i).setCellValue(n.doubleValue());
            } else if (valeurs[i] instanceof String s) {
                rangee.createCell(i).setCellValue(s);
            }
        }
    }

    static byte[] forge(ClasseurForge.Contenu lignes) throws IOException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        ClasseurForge.ecrire(octets, ClasseurForge.PROLOGUE, lignes);
        return octets.toByteArray();
    }

    private static byte[] zipQuelconque() throws IOException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(octets)) {
            ClasseurForge.entree(zip, "mimetype", "application/vnd.oasis.opendocument.spreadsheet");
        }
        return octets.toByteArray();
    }


    private static byte[] concat(byte[]... parties) {
        ByteArrayOutputStream tout = new ByteArrayOutputStream();
        for (byte[] p : parties) {
            tout.writeBytes(p);
        }
        return tout.toByteArray();
    }

    private static final String LIMITE = "----tarif-" + UUID.randomUUID();

    private static byte[] debutMultipart(String nomFichier, String dateEffet) {
        return ("--" + LIMITE + "\r\nContent-Disposition: form-data; name=\"dateEffet\"\r\n\r\n" + dateEffet + "\r\n--"
                + LIMITE + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"" + nomFichier
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] finMultipart() {
        return ("\r\n--" + LIMITE + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> televerser(String numero, String nomFichier, byte[] contenu, String dateEffet, String jeton)
            throws Exception {
        byte[] corps = concat(debutMultipart(nomFichier, dateEffet), contenu, finMultipart());
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalogue/contrats/" + numero
                        + "/tarifs/versions"))
                .header("Content-Type", "multipart/form-data; boundary=" + LIMITE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(corps));
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String chemin, String corps, String jeton) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + jeton)
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String chemin, String jeton) throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin)).GET();
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        return http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getOctets(String chemin, String jeton) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .header("Authorization", "Bearer " + jeton).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
