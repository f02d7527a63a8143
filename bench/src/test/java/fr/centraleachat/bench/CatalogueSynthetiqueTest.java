package fr.centraleachat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.bench.CatalogueSynthetique.Article;
import fr.centraleachat.bench.CatalogueSynthetique.Rayon;
import fr.centraleachat.kernel.CodeCpv;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CatalogueSynthetiqueTest {

    private static final long GRAINE = 20_270_101L;
    private final CatalogueSynthetique catalogue = new CatalogueSynthetique(GRAINE);

    @Test
    void sameSeedSameCatalogueAnotherSeedAnother() throws Exception {
        CatalogueSynthetique encore = new CatalogueSynthetique(GRAINE);
        for (int contrat = 0; contrat < 4; contrat++) {
            Rayon rayon = CatalogueSynthetique.rayon(contrat);
            assertThat(sha256(encore.csv(rayon, contrat, 3000))).isEqualTo(sha256(catalogue.csv(rayon, contrat, 3000)));
            assertThat(encore.article(rayon, contrat, 1234)).isEqualTo(catalogue.article(rayon, contrat, 1234));
        }
        CatalogueSynthetique autre = new CatalogueSynthetique(GRAINE + 1);
        Rayon rayon = CatalogueSynthetique.rayon(0);
        assertThat(sha256(autre.csv(rayon, 0, 3000))).isNotEqualTo(sha256(catalogue.csv(rayon, 0, 3000)));
    }

    @Test
    void referencesAreUniqueWithinAndAcrossContracts() {
        Set<String> references = new HashSet<>();
        for (int contrat = 0; contrat < 8; contrat++) {
            Rayon rayon = CatalogueSynthetique.rayon(contrat % 4);
            for (int rang = 0; rang < 5000; rang++) {
                assertThat(references.add(catalogue.article(rayon, contrat, rang).reference())).isTrue();
            }
        }
        assertThat(CatalogueSynthetique.reference("RAM", 17, 4217)).isEqualTo("RAM-017-004217");
        assertThat(CatalogueSynthetique.reference("RAM", 1234, 1234567)).isEqualTo("RAM-1234-1234567");
    }

    @Test
    void cpvCodesAreValidAndEveryVatRateAppears() {
        assertThat(CatalogueSynthetique.cpv("30192000")).isEqualTo("30192000-1");
        assertThat(CatalogueSynthetique.cpv("30197630")).isEqualTo("30197630-1");
        Set<Double> taux = new HashSet<>();
        Set<String> familles = new HashSet<>();
        for (Rayon rayon : CatalogueSynthetique.rayons()) {
            assertThat(CodeCpv.estValide(rayon.cpvPrincipal())).as(rayon.cpvPrincipal()).isTrue();
            assertThat(familles.add(rayon.famille().name())).isTrue();
            for (CatalogueSynthetique.Produit produit : rayon.produits()) {
                assertThat(CodeCpv.estValide(produit.cpv())).as(produit.code() + " " + produit.cpv()).isTrue();
                taux.add(produit.tva().doubleValue());
            }
        }
        assertThat(taux).containsExactlyInAnyOrder(0.0, 2.1, 5.5, 10.0, 20.0);
    }

    @Test
    void designationsLookFrench() {
        Set<String> designations = new HashSet<>();
        Rayon bureau = CatalogueSynthetique.rayon(0);
        for (int rang = 0; rang < 5000; rang++) {
            designations.add(catalogue.article(bureau, 0, rang).designation());
        }
        assertThat(designations.size()).isGreaterThan(3000); // some repeat, with another packing or price
        assertThat(designations).anyMatch(d -> d.startsWith("Ramette de papier recyclé A4 80 g"));
        assertThat(designations).anyMatch(d -> d.contains("l'") || d.contains("d'"));
        assertThat(designations).anyMatch(d -> d.matches(".*[éèêàâîôûç].*"));
    }

    /** The file as catalogue-service's import reads it (its README, "File format"), checked independently. */
    @Test
    void csvIsWhatTheImportTakes() throws IOException {
        for (int contrat = 0; contrat < 4; contrat++) {
            Rayon rayon = CatalogueSynthetique.rayon(contrat);
            byte[] octets = catalogue.csv(rayon, contrat, 4000).readAllBytes();
            assertThat(octets[0] & 0xFF).isEqualTo(0xEF); // UTF-8 BOM
            String texte = new String(octets, StandardCharsets.UTF_8).substring(1);
            assertThat(texte).endsWith("\r\n");
            String[] lignes = texte.split("\r\n", -1);
            assertThat(lignes).hasSize(4000 + 2); // header, rows, and the empty string after the last line end

            List<String> entete = cellules(lignes[0]);
            Map<String, Integer> colonnes = new HashMap<>();
            for (int i = 0; i < entete.size(); i++) {
                colonnes.put(cle(entete.get(i)), i);
            }
            assertThat(colonnes.keySet()).containsExactlyInAnyOrder("reference", "designation", "unite",
                    "conditionnement", "prix unitaire ht", "taux de tva", "cpv");

            Set<String> references = new HashSet<>();
            Pattern prix = Pattern.compile("\\d{1,9}(,\\d{1,4})?");
            for (int n = 1; n <= 4000; n++) {
                List<String> c = cellules(lignes[n]);
                assertThat(c).hasSize(7);
                for (String cellule : c) {
                    assertThat(cellule).isEqualTo(Normalizer.normalize(cellule, Normalizer.Form.NFC))
                            .doesNotStartWith("=").doesNotContainPattern("\\p{Cc}|[\\u202A-\\u202E\\u2066-\\u2069]");
                    assertThat(cellule.length()).isLessThanOrEqualTo(1000);
                }
                String reference = c.get(colonnes.get("reference"));
                assertThat(reference).isNotBlank().hasSizeLessThanOrEqualTo(100);
                assertThat(references.add(reference)).as(reference).isTrue();
                assertThat(c.get(colonnes.get("designation"))).isNotBlank().hasSizeLessThanOrEqualTo(500);
                assertThat(c.get(colonnes.get("unite"))).isNotBlank().hasSizeLessThanOrEqualTo(30);
                assertThat(c.get(colonnes.get("conditionnement"))).hasSizeLessThanOrEqualTo(100);
                String p = c.get(colonnes.get("prix unitaire ht"));
                assertThat(p).matches(prix);
                assertThat(new BigDecimal(p.replace(',', '.'))).isPositive();
                assertThat(c.get(colonnes.get("taux de tva"))).isIn("0", "2,1", "5,5", "10", "20");
                assertThat(CodeCpv.estValide(c.get(colonnes.get("cpv")))).isTrue();
            }
            // The stream gives what the items say, line by line.
            Article article = catalogue.article(rayon, contrat, 17);
            assertThat(lignes[18]).isEqualTo(CatalogueSynthetique.ligneCsv(article));
        }
    }

    @Test
    void aCellWithASemicolonOrAQuoteIsQuoted() {
        Article article = new Article("R;1", "Stylo \"à bille\"", "unité", "", new BigDecimal("1.2345"),
                new BigDecimal("5.5"), "30192121-5");
        assertThat(CatalogueSynthetique.ligneCsv(article))
                .isEqualTo("\"R;1\";\"Stylo \"\"à bille\"\"\";unité;;1,2345;5,5;30192121-5");
    }

    @Test
    void whatUsersTypeIsAValidQuery() {
        Pattern permis = Pattern.compile("[\\p{L}\\p{N} '’\\-.,;/()%°+&\"«»*_?!]+");
        SplittableRandom aleas = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            Rayon rayon = CatalogueSynthetique.rayon(i % 4);
            String requete = CatalogueSynthetique.requete(rayon, aleas, 1 + i % 3);
            assertThat(requete).matches(permis).hasSizeLessThanOrEqualTo(200);
            assertThat(requete.split(" +").length).isLessThanOrEqualTo(12);
            assertThat(requete).isEqualTo(requete.toLowerCase(Locale.ROOT));
            CatalogueSynthetique.Faute faute = CatalogueSynthetique.fauteDeFrappe(rayon, aleas);
            assertThat(faute.tapee()).matches("\\p{L}{8,}").hasSize(faute.mot().length() + 1);
            assertThat(faute.tapee().charAt(0)).isEqualTo(faute.mot().charAt(0));
        }
    }

    // A reader of the import's CSV dialect: ';' between cells, '"' around a cell holding ';', '"' or a line end.
    private static List<String> cellules(String ligne) {
        List<String> cellules = new ArrayList<>();
        StringBuilder cellule = new StringBuilder();
        boolean entreGuillemets = false;
        for (int i = 0; i < ligne.length(); i++) {
            char c = ligne.charAt(i);
            if (entreGuillemets) {
                if (c == '"' && i + 1 < ligne.length() && ligne.charAt(i + 1) == '"') {
                    cellule.append('"');
                    i++;
                } else if (c == '"') {
                    entreGuillemets = false;
                } else {
                    cellule.append(c);
                }
            } else if (c == '"' && cellule.length() == 0) {
                entreGuillemets = true;
            } else if (c == ';') {
                cellules.add(cellule.toString());
                cellule.setLength(0);
            } else {
                cellule.append(c);
            }
        }
        cellules.add(cellule.toString());
        return cellules;
    }

    /** The import's header key: lower case, no accent, no bracketed unit, single spaces. */
    private static String cle(String entete) {
        String sansAccents = Normalizer.normalize(entete, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replace('€', ' ')
                .replaceAll("\\s+", " ").strip();
    }

    private static String sha256(InputStream flux) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] tampon = new byte[777];
        for (int n; (n = flux.read(tampon)) > 0; ) {
            sha.update(tampon, 0, n);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
