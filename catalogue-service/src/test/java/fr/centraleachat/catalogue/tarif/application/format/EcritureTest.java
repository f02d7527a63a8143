package fr.centraleachat.catalogue.tarif.application.format;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.kernel.CodeCpv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is exported is imported back unchanged, in both formats. */
class EcritureTest {

    @TempDir
    Path dossier;

    static final List<LigneTarif> LIGNES = List.of(
            new LigneTarif("PAP-A4", "Ramette papier A4; 80 g", "ramette", "carton de 5", new BigDecimal("3.20"),
                    new BigDecimal("20"), new CodeCpv("30197630-1")),
            new LigneTarif("-R1", "-10 % sur \"lot\"\nsecond rang", "@lot", null, new BigDecimal("1234567.1234"),
                    new BigDecimal("5.5"), null),
            new LigneTarif("+R2", "Encre", "cartouche", "boîte de 2", new BigDecimal("0.0001"), new BigDecimal("2.1"),
                    null));

    @Test
    void csvRoundTripsAndNeutralisesFormulaLikeTexts() throws IOException {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try (EcritureCsv csv = new EcritureCsv(sortie)) {
            LIGNES.forEach(csv::ecrire);
        }
        String texte = sortie.toString(StandardCharsets.UTF_8);

        assertThat(texte).startsWith("\uFEFFréférence;désignation;unité;conditionnement;prix unitaire HT;taux de TVA;CPV\r\n"
                + "PAP-A4;\"Ramette papier A4; 80 g\";ramette;carton de 5;3,20;20;30197630-1\r\n'-R1;");
        assertThat(texte).contains(";'@lot;;1234567,1234;5,5;\r\n'+R2;");
        assertThat(relire(new LectureCsv(new ByteArrayInputStream(sortie.toByteArray()), LimitesLecture.PAR_DEFAUT)))
                .isEqualTo(LIGNES);
    }

    @Test
    void xlsxRoundTripsAndTheSameListGivesTheSameBytes() throws IOException {
        byte[] premier = xlsx();
        byte[] second = xlsx();
        assertThat(second).isEqualTo(premier);

        Path fichier = Files.write(dossier.resolve("export.xlsx"), premier);
        assertThat(relire(new LectureXlsx(fichier, LimitesLecture.PAR_DEFAUT))).isEqualTo(LIGNES);
    }

    private static byte[] xlsx() throws IOException {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        try (EcritureXlsx xlsx = new EcritureXlsx(sortie, Instant.parse("2027-01-15T10:00:00Z"))) {
            LIGNES.forEach(xlsx::ecrire);
            xlsx.terminer();
        }
        return sortie.toByteArray();
    }

    private static List<LigneTarif> relire(LecteurTarif lecteur) throws IOException {
        AnalyseLignes analyse = new AnalyseLignes(50);
        List<LigneTarif> lignes = new ArrayList<>();
        lecteur.lire((n, c) -> analyse.analyser(n, c).ifPresent(lignes::add));
        assertThat(analyse.erreurs()).isEmpty();
        return lignes;
    }
}
