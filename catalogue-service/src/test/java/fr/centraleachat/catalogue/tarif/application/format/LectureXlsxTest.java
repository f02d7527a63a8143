package fr.centraleachat.catalogue.tarif.application.format;

import fr.centraleachat.catalogue.tarif.ClasseurForge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Excel workbooks read as a stream of rows; formulas, error cells and archive bombs refused. */
class LectureXlsxTest {

    @TempDir
    Path dossier;

    record Resultat(List<LigneTarif> lignes, AnalyseLignes analyse) {
    }

    Resultat lire(Path fichier) throws IOException {
        AnalyseLignes analyse = new AnalyseLignes(50);
        List<LigneTarif> lignes = new ArrayList<>();
        new LectureXlsx(fichier, LimitesLecture.PAR_DEFAUT).lire((n, c) -> analyse.analyser(n, c).ifPresent(lignes::add));
        return new Resultat(lignes, analyse);
    }

    Path classeur(java.util.function.Consumer<XSSFSheet> remplir) throws IOException {
        Path fichier = Files.createTempFile(dossier, "tarif", ".xlsx");
        try (XSSFWorkbook classeur = new XSSFWorkbook(); OutputStream sortie = Files.newOutputStream(fichier)) {
            XSSFSheet feuille = classeur.createSheet("Prix");
            Row entete = feuille.createRow(0);
            String[] colonnes = {"Référence", "Désignation", "Unité", "Conditionnement", "Prix unitaire HT", "TVA", "CPV"};
            for (int i = 0; i < colonnes.length; i++) {
                entete.createCell(i).setCellValue(colonnes[i]);
            }
            remplir.accept(feuille);
            classeur.write(sortie);
        }
        return fichier;
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

    @Test
    void readsValuesOfTheFirstSheetNumbersAsExcelShowsThem() throws IOException {
        Path fichier = classeur(f -> {
            ligne(f, 1, "PAP-A4", "Ramette papier A4", "ramette", "carton de 5", 3.2, 0.2, "30197630-1");
            // Row 3 left empty; numbers in text columns; a price with binary noise (0.1 + 0.2).
            ligne(f, 3, 12345, "Agrafes", "boîte", 1000, 0.1 + 0.2, 20);
            ligne(f, 4, "CAF-1", "Café", "paquet", null, 12.3456, 0.055);
        });

        Resultat r = lire(fichier);

        assertThat(r.analyse().erreurs()).isEmpty();
        assertThat(r.lignes()).extracting(LigneTarif::reference).containsExactly("PAP-A4", "12345", "CAF-1");
        assertThat(r.lignes().get(0).prixUnitaireHt()).isEqualTo(new BigDecimal("3.20"));
        assertThat(r.lignes().get(0).tauxTva()).isEqualByComparingTo("20");
        assertThat(r.lignes().get(1).conditionnement()).isEqualTo("1000");
        assertThat(r.lignes().get(1).prixUnitaireHt()).isEqualTo(new BigDecimal("0.30"));
        assertThat(r.lignes().get(2).prixUnitaireHt()).isEqualTo(new BigDecimal("12.3456"));
        assertThat(r.lignes().get(2).tauxTva()).isEqualByComparingTo("5.5");
    }

    @Test
    void refusesFormulasErrorsAndBooleansWithoutEvaluatingThem() throws IOException {
        Path fichier = classeur(f -> {
            ligne(f, 1, "A", "Article A", "pièce", null, 2, 20);
            Row rangee = f.createRow(2);
            rangee.createCell(0).setCellValue("B");
            rangee.createCell(1).setCellFormula("HYPERLINK(\"http://exemple.invalid\",\"clic\")");
            rangee.createCell(2).setCellValue(true);
            rangee.createCell(4).setCellFormula("E2*2");
            rangee.createCell(5).setCellErrorValue(FormulaError.NA.getCode());
        });

        Resultat r = lire(fichier);

        assertThat(r.lignes()).extracting(LigneTarif::reference).containsExactly("A");
        assertThat(r.analyse().erreurs()).containsExactly(
                "ligne 3, colonne désignation : formule refusée : enregistrez les valeurs calculées, pas les formules.",
                "ligne 3, colonne unité : valeur VRAI/FAUX inattendue.",
                "ligne 3, colonne prix : formule refusée : enregistrez les valeurs calculées, pas les formules.",
                "ligne 3, colonne TVA : cellule en erreur ou illisible (#N/A, #REF!, #VALEUR!…).");
    }

    @Test
    void aHugeSharedStringIsReportedNotKept() throws IOException {
        Path fichier = classeur(f -> ligne(f, 1, "A", "x".repeat(30_000), "pièce", null, 2, 20));

        assertThat(lire(fichier).analyse().erreurs()).containsExactly(
                "ligne 2, colonne désignation : cellule trop longue (plus de 1000 caractères).");
    }

    @Test
    void refusesADecompressionBomb() throws IOException {
        Path fichier = archive(feuille -> {
            feuille.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.UTF_8));
            byte[] a = "a".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                feuille.write(a);
            }
            feuille.write("</t></is></c></row>".getBytes(StandardCharsets.UTF_8));
        });

        assertThatThrownBy(() -> lire(fichier)).isInstanceOf(FichierIllisibleException.class)
                .hasMessageContaining("bombe de décompression");
    }

    @Test
    void aMillionEmptyRowsAreRefusedAsTooManyLines() throws IOException {
        Path fichier = archive(feuille -> {
            StringBuilder entete = new StringBuilder("<row r=\"1\">");
            String[] colonnes = {"référence", "désignation", "unité", "conditionnement", "prix", "TVA", "CPV"};
            for (int i = 0; i < colonnes.length; i++) {
                entete.append("<c r=\"").append((char) ('A' + i)).append("1\" t=\"inlineStr\"><is><t>")
                        .append(colonnes[i]).append("</t></is></c>");
            }
            feuille.write(entete.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder lignes = new StringBuilder();
            for (int i = 2; i <= 1_000_001; i++) {
                // As a spreadsheet writes rows styled but empty, with spans and heights.
                lignes.append("<row r=\"").append(i).append("\" spans=\"1:7\" s=\"").append(i % 7)
                        .append("\" customFormat=\"1\" ht=\"").append(12 + i % 9).append("\"/>");
                if (lignes.length() > 1 << 16) {
                    feuille.write(lignes.toString().getBytes(StandardCharsets.UTF_8));
                    lignes.setLength(0);
                }
            }
            feuille.write(lignes.toString().getBytes(StandardCharsets.UTF_8));
        });

        assertThatThrownBy(() -> lire(fichier)).isInstanceOf(FichierIllisibleException.class)
                .hasMessageStartingWith("La feuille compte plus de 200000 lignes après l'en-tête");
    }

    @Test
    void refusesExternalEntitiesAndEntityExpansionInTheSheet() throws IOException {
        Path xxe = archive("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                f -> f.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
                        .getBytes(StandardCharsets.UTF_8)));
        Path rires = archive("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;"
                + "&c;\">]>", f -> f.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&d;&d;&d;</t></is></c></row>"
                        .getBytes(StandardCharsets.UTF_8)));

        for (Path fichier : List.of(xxe, rires)) {
            assertThatThrownBy(() -> lire(fichier)).isInstanceOf(FichierIllisibleException.class)
                    .hasMessageContaining("n'est pas un classeur Excel (.xlsx) lisible");
        }
    }

    @Test
    void refusesAnArchiveThatIsNotAWorkbook() throws IOException {
        Path zip = Files.createTempFile(dossier, "pas-un-classeur", ".xlsx");
        try (ZipOutputStream sortie = new ZipOutputStream(Files.newOutputStream(zip))) {
            sortie.putNextEntry(new ZipEntry("content.xml"));
            sortie.write("<office:document/>".getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> lire(zip)).isInstanceOf(FichierIllisibleException.class)
                .hasMessageContaining("n'est pas un classeur Excel (.xlsx) lisible");
    }

    @Test
    void cellReferencesGiveTheColumn() {
        assertThat(LectureXlsx.colonne("A1", 9)).isZero();
        assertThat(LectureXlsx.colonne("G17", 9)).isEqualTo(6);
        assertThat(LectureXlsx.colonne("AA3", 9)).isEqualTo(26);
        assertThat(LectureXlsx.colonne("ABCD1", 9)).isEqualTo(9);
        assertThat(LectureXlsx.colonne(null, 9)).isEqualTo(9);
    }

    /** A minimal workbook written by hand around a sheet body, as a hostile caller would. */
    Path archive(ClasseurForge.Contenu lignes) throws IOException {
        return archive(ClasseurForge.PROLOGUE, lignes);
    }

    Path archive(String prologue, ClasseurForge.Contenu lignes) throws IOException {
        Path fichier = Files.createTempFile(dossier, "forge", ".xlsx");
        try (OutputStream sortie = Files.newOutputStream(fichier)) {
            ClasseurForge.ecrire(sortie, prologue, lignes);
        }
        return fichier;
    }

    static byte[] octets(XSSFWorkbook classeur) throws IOException {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        classeur.write(sortie);
        return sortie.toByteArray();
    }
}
