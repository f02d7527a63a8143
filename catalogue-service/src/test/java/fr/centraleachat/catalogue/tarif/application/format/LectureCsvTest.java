package fr.centraleachat.catalogue.tarif.application.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV files as French spreadsheets write them, and as a careless or hostile caller sends them. */
class LectureCsvTest {

    static final String ENTETE = "référence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\n";

    /** The lines of a file, or its refusal, as an import sees them. */
    record Resultat(List<LigneTarif> lignes, AnalyseLignes analyse) {
    }

    static Resultat lire(InputStream flux, LimitesLecture limites) throws IOException {
        AnalyseLignes analyse = new AnalyseLignes(50);
        List<LigneTarif> lignes = new ArrayList<>();
        new LectureCsv(flux, limites).lire((numero, cellules) -> analyse.analyser(numero, cellules).ifPresent(lignes::add));
        return new Resultat(lignes, analyse);
    }

    static Resultat lire(String texte) throws IOException {
        return lire(new ByteArrayInputStream(texte.getBytes(StandardCharsets.UTF_8)), LimitesLecture.PAR_DEFAUT);
    }

    @Test
    void readsAFrenchSpreadsheetExportWithBomQuotesAndDecimalCommas() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String texte = "Référence;Désignation;Unité;Conditionnement;Prix unitaire HT (€);Taux de TVA (%);Code CPV\r\n"
                + "PAP-A4;\"Ramette papier A4; 80 g\";ramette;carton de 5;3,20;20;30197630-1\r\n"
                + "ECR-24;Écran 24\" Full HD;pièce;;\"1 234,5678\";20 %;\r\n"
                + "\r\n"
                + "CAF-1;\"Café \"\"bio\"\"\nmoulu\";paquet;;12,5;5,5;\r\n"
                + ";;;;;;\r\n";
        Resultat r = lire(new ByteArrayInputStream(concat(bom, texte.getBytes(StandardCharsets.UTF_8))),
                LimitesLecture.PAR_DEFAUT);

        assertThat(r.analyse().erreurs()).isEmpty();
        assertThat(r.lignes()).extracting(LigneTarif::reference).containsExactly("PAP-A4", "ECR-24", "CAF-1");
        assertThat(r.lignes().get(0).designation()).isEqualTo("Ramette papier A4; 80 g");
        assertThat(r.lignes().get(0).cpv().valeur()).isEqualTo("30197630-1");
        assertThat(r.lignes().get(1).designation()).isEqualTo("Écran 24\" Full HD");
        assertThat(r.lignes().get(1).prixUnitaireHt()).isEqualTo(new BigDecimal("1234.5678"));
        assertThat(r.lignes().get(1).conditionnement()).isNull();
        assertThat(r.lignes().get(2).designation()).isEqualTo("Café \"bio\"\nmoulu");
        assertThat(r.lignes().get(2).tauxTva()).isEqualByComparingTo("5.5");
    }

    @Test
    void columnsMayComeInAnyOrderAndUnknownOnesAreIgnored() throws IOException {
        Resultat r = lire("Observations;Taux TVA;Prix HT;Unité;Libellé;Ref\nà revoir;10;2,5;kg;Farine;FAR-1\n");

        assertThat(r.analyse().erreurs()).isEmpty();
        assertThat(r.lignes()).singleElement().satisfies(l -> {
            assertThat(l.reference()).isEqualTo("FAR-1");
            assertThat(l.designation()).isEqualTo("Farine");
            assertThat(l.prixUnitaireHt()).isEqualTo(new BigDecimal("2.50"));
        });
    }

    @Test
    void reportsEveryFaultyCellWithItsLineAndColumnInFrench() throws IOException {
        Resultat r = lire(ENTETE
                + "A;Article A;pièce;;1,00;20;\n"
                + "B;Article B;pièce;;12,345678;20;\n"
                + "C;;pièce;;-2;19,6;30192000-2\n"
                + "A;Article A bis;pièce;;3;20;\n"
                + "D;Article D;pièce;;=2*3;20;\n"
                + "E;Article E;pièce;;4;20;;en trop\n");

        assertThat(r.lignes()).extracting(LigneTarif::reference).containsExactly("A");
        assertThat(r.analyse().erreurs()).containsExactly(
                "ligne 3, colonne prix : « 12,345678 » a plus de 4 décimales.",
                "ligne 4, colonne désignation : la désignation est obligatoire.",
                "ligne 4, colonne prix : « -2 » est négatif : le prix doit être strictement positif.",
                "ligne 4, colonne TVA : « 19,6 » n'est pas un taux de TVA en vigueur (taux acceptés : 0 ; 2,1 ; 5,5 ; 10 ; 20 %).",
                "ligne 4, colonne CPV : « 30192000-2 » n'est pas un code CPV valide (8 chiffres, un tiret et la clé de "
                        + "contrôle, ex. 30192000-1).",
                "ligne 5, colonne référence : « A » figure déjà ligne 2 : chaque référence n'apparaît qu'une fois.",
                "ligne 6, colonne prix : « =2*3 » n'est pas un prix (attendu par exemple 12,50 ou 1 234,5678).",
                "ligne 7 : cellule remplie au-delà des 7 colonnes de l'en-tête (point-virgule dans un texte non "
                        + "entouré de guillemets ?).");
        assertThat(r.analyse().nombreErreurs()).isEqualTo(8);
        assertThat(r.analyse().lignes()).isEqualTo(6);
    }

    @Test
    void listsTheFirstErrorsOnlyButCountsThemAll() throws IOException {
        StringBuilder texte = new StringBuilder(ENTETE);
        for (int i = 0; i < 120; i++) {
            texte.append("R").append(i).append(";Article;pièce;;0;20;\n");
        }
        AnalyseLignes analyse = new AnalyseLignes(50);
        new LectureCsv(new ByteArrayInputStream(texte.toString().getBytes(StandardCharsets.UTF_8)),
                LimitesLecture.PAR_DEFAUT).lire(analyse::analyser);

        assertThat(analyse.erreurs()).hasSize(50).first().asString().startsWith("ligne 2, colonne prix");
        assertThat(analyse.nombreErreurs()).isEqualTo(120);
    }

    @Test
    void theApostropheAnExportPutsBeforeFormulaLikeTextsIsDropped() throws IOException {
        Resultat r = lire(ENTETE + "'-R1;'-10 % de remise;'@lot;;1;20;\n");

        assertThat(r.lignes()).singleElement().satisfies(l -> {
            assertThat(l.reference()).isEqualTo("-R1");
            assertThat(l.designation()).isEqualTo("-10 % de remise");
            assertThat(l.unite()).isEqualTo("@lot");
        });
        assertThat(lire(ENTETE + "R1;'=1+2;pièce;;1;20;\n").analyse().erreurs()).singleElement().asString()
                .contains("colonne désignation : « =1+2 » ressemble à une formule");
    }

    @Test
    void refusesAFileNotInUtf8WithTheLine() {
        byte[] windows1252 = (ENTETE + "A;Article;pièce;;1;20;\nB;Crème brûlée;pièce;;2;20;\n")
                .getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> lire(new ByteArrayInputStream(windows1252), LimitesLecture.PAR_DEFAUT))
                .isInstanceOf(FichierIllisibleException.class)
                .hasMessageStartingWith("Ligne 1 : le fichier n'est pas encodé en UTF-8")
                .hasMessageContaining("CSV UTF-8");
        byte[] apresLaPremiereLigne = concat(ENTETE.getBytes(StandardCharsets.UTF_8),
                "A;Article;pi\u00e8ce;;1;20;\n".getBytes(StandardCharsets.UTF_8),
                "B;Cr\u00e8me;pi\u00e8ce;;2;20;\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> lire(new ByteArrayInputStream(apresLaPremiereLigne), LimitesLecture.PAR_DEFAUT))
                .hasMessageStartingWith("Ligne 3 : le fichier n'est pas encodé en UTF-8");
    }

    @Test
    void refusesUtf16() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ENTETE.getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> lire(new ByteArrayInputStream(utf16), LimitesLecture.PAR_DEFAUT))
                .hasMessageContaining("UTF-16");
    }

    @Test
    void refusesAWrongSeparatorSayingWhichOneIsExpected() {
        assertThatThrownBy(() -> lire(ENTETE.replace(';', ',') + "A,Article,pièce,,1,20,\n"))
                .isInstanceOf(FichierIllisibleException.class)
                .hasMessage("Ligne 1 (en-tête) : les colonnes sont séparées par « , » ; le séparateur attendu est le "
                        + "point-virgule (« CSV UTF-8 (délimité par des points-virgules) »).");
        assertThatThrownBy(() -> lire(ENTETE.replace(';', '\t'))).hasMessageContaining("des tabulations");
    }

    @Test
    void refusesAHeaderWithoutTheRequiredColumns() {
        assertThatThrownBy(() -> lire("référence;désignation;unité;prix\nA;B;C;1\n"))
                .hasMessageStartingWith("Ligne 1 (en-tête) : colonne(s) obligatoire(s) absente(s) : taux de TVA.");
        assertThatThrownBy(() -> lire("référence;prix;désignation;unité;TVA;prix HT\n"))
                .hasMessageContaining("la colonne « prix unitaire HT » figure deux fois");
    }

    @Test
    void aHugeCellIsReportedNotKept() throws IOException {
        Resultat r = lire(ENTETE + "A;" + "x".repeat(5_000) + ";pièce;;1;20;\n");

        assertThat(r.analyse().erreurs()).singleElement().asString()
                .isEqualTo("ligne 2, colonne désignation : cellule trop longue (plus de 1000 caractères).");
    }

    @Test
    void aRecordPastTheLimitStopsTheReadingBeforeItIsBuffered() {
        // An unclosed quote swallows the rest of the file into one cell.
        String texte = ENTETE + "A;\"Article;pièce;;1;20;\n" + "B;Article;pièce;;1;20;\n".repeat(2_000);

        assertThatThrownBy(() -> lire(texte)).isInstanceOf(FichierIllisibleException.class)
                .hasMessage("Ligne 2 : plus de 10000 caractères sans fin de ligne (guillemet non fermé ?) : fichier refusé.");
        assertThatThrownBy(() -> lire(ENTETE + "A;" + "x".repeat(50_000)))
                .hasMessageStartingWith("Ligne 2 : plus de 10000 caractères");
    }

    @Test
    void aMillionEmptyRowsAreRefusedAsTooManyLines() {
        byte[] mille = ";;;;;;\n".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        InputStream vides = new SequenceInputStream(new ByteArrayInputStream(ENTETE.getBytes(StandardCharsets.UTF_8)),
                new SequenceInputStream(Collections.enumeration(java.util.stream.IntStream.range(0, 1_000)
                        .mapToObj(i -> new ByteArrayInputStream(mille)).toList())));

        assertThatThrownBy(() -> lire(vides, LimitesLecture.PAR_DEFAUT)).isInstanceOf(FichierIllisibleException.class)
                .hasMessageStartingWith("Le fichier compte plus de 200000 lignes après l'en-tête (lignes vides comprises)");
    }

    @Test
    void aFewTrailingEmptyRowsAreIgnored() throws IOException {
        Resultat r = lire(ENTETE + "A;Article;pièce;;1;20;\n" + ";;;;;;\n".repeat(500) + "\n\n");

        assertThat(r.analyse().erreurs()).isEmpty();
        assertThat(r.lignes()).hasSize(1);
    }

    @Test
    void binaryGarbageIsRefusedCellByCellNotCrashed() throws IOException {
        Resultat r = lire(ENTETE + "A\u0000;Article\u0007;pièce;;1;20;\n");

        assertThat(r.analyse().erreurs()).containsExactly(
                "ligne 2, colonne référence : caractère interdit (U+0000) en position 2.",
                "ligne 2, colonne désignation : caractère interdit (U+0007) en position 8.");
    }

    static byte[] concat(byte[]... parties) {
        int total = 0;
        for (byte[] p : parties) {
            total += p.length;
        }
        byte[] tout = new byte[total];
        int i = 0;
        for (byte[] p : parties) {
            System.arraycopy(p, 0, tout, i, p.length);
            i += p.length;
        }
        return tout;
    }
}
