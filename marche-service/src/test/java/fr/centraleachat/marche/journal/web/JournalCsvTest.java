package fr.centraleachat.marche.journal.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalCsvTest {

    @Test
    void writesOneSemicolonSeparatedLineWithParisTime() {
        EntreeJournal entree = ChaineJournal.suivante(null, ConsultationId.nouveau(),
                Instant.parse("2026-12-01T09:00:00Z"), new Auteur("acheteur", List.of("ADMIN", "ACHETEUR")),
                ActionJournal.SANS_SUITE, "PUBLIEE → SANS_SUITE ; raison : « Besoin \"disparu\" »", "corr-1");

        assertThat(JournalCsv.ligne(entree)).isEqualTo("1;2026-12-01T10:00:00+01:00;acheteur;ACHETEUR,ADMIN;SANS_SUITE;"
                + "\"PUBLIEE → SANS_SUITE ; raison : « Besoin \"\"disparu\"\" »\";corr-1;" + "0".repeat(64) + ";"
                + entree.hash() + "\r\n");
        assertThat(JournalCsv.EN_TETE.split(";")).hasSize(9);
    }

    @Test
    void keepsASpreadsheetFromRunningAFieldAsAFormula() {
        assertThat(JournalCsv.champ("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(JournalCsv.champ("-cloture")).isEqualTo("'-cloture");
        assertThat(JournalCsv.champ("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(JournalCsv.champ("ligne\nsuivante")).isEqualTo("\"ligne\nsuivante\"");
        assertThat(JournalCsv.champ("→ BROUILLON")).isEqualTo("→ BROUILLON");
    }
}
