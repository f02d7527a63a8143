package fr.centraleachat.catalogue.tarif.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoriqueTarifTest {

    private static VersionTarif version(int numero, String dateEffet) {
        return new VersionTarif(numero, "v" + numero, LocalDate.parse(dateEffet), SourceVersion.IMPORT, "CSV",
                "tarif.csv", null, null, null, 10, null, "acheteur");
    }

    @Test
    void theVersionInForceIsTheLatestEffectiveOnOrBeforeTheDate() {
        HistoriqueTarif historique = new HistoriqueTarif("2027-0042-L1", List.of(version(1, "2027-01-01"),
                version(2, "2028-01-01"), version(3, "2027-07-01")));

        assertThat(historique.enVigueurLe(LocalDate.parse("2026-12-31"))).isEmpty();
        assertThat(historique.enVigueurLe(LocalDate.parse("2027-01-01")).orElseThrow().numero()).isEqualTo(1);
        assertThat(historique.enVigueurLe(LocalDate.parse("2027-06-30")).orElseThrow().numero()).isEqualTo(1);
        // Published after version 2 but effective before it: in force in between.
        assertThat(historique.enVigueurLe(LocalDate.parse("2027-07-01")).orElseThrow().numero()).isEqualTo(3);
        assertThat(historique.enVigueurLe(LocalDate.parse("2027-12-31")).orElseThrow().numero()).isEqualTo(3);
        assertThat(historique.enVigueurLe(LocalDate.parse("2030-01-01")).orElseThrow().numero()).isEqualTo(2);
    }

    @Test
    void ofTwoVersionsEffectiveTheSameDayTheLaterPublishedWins() {
        HistoriqueTarif historique = new HistoriqueTarif("2027-0042-L1", List.of(version(2, "2027-01-01"),
                version(1, "2027-01-01")));

        assertThat(historique.enVigueurLe(LocalDate.parse("2027-03-01")).orElseThrow().numero()).isEqualTo(2);
        assertThat(historique.versions()).extracting(VersionTarif::numero).containsExactly(1, 2);
        assertThat(historique.prochainNumero()).isEqualTo(3);
    }
}
