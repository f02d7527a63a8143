package fr.centraleachat.catalogue.commande.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.catalogue.contrat.domain.Consommation;
import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PrevisionTest {

    static final LocalDate DEBUT = LocalDate.of(2027, 1, 1);

    static Contrat contrat(String consomme) {
        return new Contrat("2027-0042-L1", "c1", 1, "Fournitures", "Papier", new Siret("55210055400013"), "Papeterie",
                Contrat.ACCORD_CADRE_BONS_DE_COMMANDE, "UNITAIRE", Montant.de(1000), Montant.de(36500), null, DEBUT,
                DEBUT.plusYears(2).minusDays(1), List.of(new Siren("212106173")), null, null, "FOURNITURES", "MAPA",
                null, List.of(), null,
                new Consommation(Montant.de(36500), Montant.de(consomme), new TreeSet<>()));
    }

    @Test
    void forecastsTheDayTheMaximumIsReachedAtThePaceSinceTheStart() {
        // 100 days (1 Jan → 10 Apr) at 100 €/day: 10 000 € consumed, 26 500 € left → 265 more days.
        assertThat(ServiceCommandes.prevision(contrat("10000"), LocalDate.of(2027, 4, 10)))
                .isEqualTo(LocalDate.of(2027, 4, 10).plusDays(265));
    }

    @Test
    void noForecastWithoutConsumptionOrWhenTheContractEndsFirst() {
        assertThat(ServiceCommandes.prevision(contrat("0"), LocalDate.of(2027, 4, 10))).isNull();
        assertThat(ServiceCommandes.prevision(contrat("100"), LocalDate.of(2027, 4, 10))).isNull();
        assertThat(ServiceCommandes.prevision(contrat("36500"), LocalDate.of(2027, 4, 10)))
                .isEqualTo(LocalDate.of(2027, 4, 10));
    }
}
