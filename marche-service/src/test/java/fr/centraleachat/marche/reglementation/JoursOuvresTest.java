package fr.centraleachat.marche.reglementation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class JoursOuvresTest {

    private final JoursOuvres joursOuvres = new JoursOuvres();

    @ParameterizedTest(name = "{0} ouvré : {1}")
    @CsvSource({
            "2027-01-01, false", // Jour de l'An
            "2027-01-04, true",
            "2027-03-26, true",  // Good Friday: a holiday only in Alsace-Moselle
            "2027-03-29, false", // Lundi de Pâques
            "2027-05-01, false", // Saturday and Fête du travail
            "2027-05-06, false", // Ascension
            "2027-05-17, false", // Lundi de Pentecôte
            "2027-07-14, false",
            "2027-08-16, true",
            "2027-11-11, false",
            "2026-12-25, false",
            "2026-12-26, false", // Saturday; Saint-Étienne is not a national holiday
            "2026-12-28, true",
    })
    void reconnait_les_jours_ouvres_francais(LocalDate date, boolean ouvre) {
        assertThat(joursOuvres.estOuvre(date)).isEqualTo(ouvre);
    }
}
