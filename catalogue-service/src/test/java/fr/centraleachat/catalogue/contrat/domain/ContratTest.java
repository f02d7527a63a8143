package fr.centraleachat.catalogue.contrat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ContratTest {

    static final LocalDate DEBUT = LocalDate.of(2027, 3, 1);

    static Contrat contrat(Montant maximum, LocalDate resilieLe) {
        return new Contrat("2027-0042-L1", "c1", 1, "Fournitures", "Papier", new Siret("55210055400013"), "Papeterie",
                Contrat.ACCORD_CADRE_BONS_DE_COMMANDE, "UNITAIRE", Montant.de(9800), maximum, null, DEBUT,
                DEBUT.plusMonths(24).minusDays(1), List.of(new Siren("212106173")), null, null, "FOURNITURES", "MAPA",
                null, List.of(), resilieLe, null);
    }

    @Test
    void isActiveFromItsStartDateToItsEndDateIncludedThenExpiresWithoutAnyJob() {
        Contrat contrat = contrat(Montant.de(60000), null);
        assertThat(contrat.statut(DEBUT.minusDays(1))).isEqualTo(StatutContrat.A_VENIR);
        assertThat(contrat.statut(DEBUT)).isEqualTo(StatutContrat.ACTIF);
        assertThat(contrat.statut(LocalDate.of(2029, 2, 28))).isEqualTo(StatutContrat.ACTIF);
        assertThat(contrat.statut(LocalDate.of(2029, 3, 1))).isEqualTo(StatutContrat.EXPIRE);
    }

    @Test
    void isTerminatedFromItsTerminationDate() {
        Contrat contrat = contrat(Montant.de(60000), LocalDate.of(2028, 1, 15));
        assertThat(contrat.statut(LocalDate.of(2028, 1, 14))).isEqualTo(StatutContrat.ACTIF);
        assertThat(contrat.statut(LocalDate.of(2028, 1, 15))).isEqualTo(StatutContrat.RESILIE);
    }

    @Test
    void anOrdinaryMarcheIsConsumedUpToItsAmountAnAccordCadreUpToItsMaximum() {
        assertThat(contrat(Montant.de(60000), null).consommation().maximum()).isEqualTo(Montant.de(60000));
        assertThat(contrat(null, null).consommation().maximum()).isEqualTo(Montant.de(9800));
        assertThat(contrat(null, null).consommation().restant()).isEqualTo(Montant.de(9800));
    }

    @Test
    void eachThresholdIsCrossedOnceAndOnlyWhenReached() {
        Consommation vide = Consommation.initiale(Montant.de(1000));
        assertThat(vide.seuilsFranchis(Montant.de("799.99"))).isEmpty();
        assertThat(vide.seuilsFranchis(Montant.de(800))).containsExactly(80);
        assertThat(vide.seuilsFranchis(Montant.de(1000))).containsExactly(80, 100);
        Consommation a80 = new Consommation(Montant.de(1000), Montant.de(850), new TreeSet<>(List.of(80)));
        assertThat(a80.seuilsFranchis(Montant.de(900))).isEmpty();
        assertThat(a80.seuilsFranchis(Montant.de(1000))).containsExactly(100);
        assertThat(a80.tauxPourcent()).isEqualByComparingTo("85.0");
        assertThat(a80.restant()).isEqualTo(Montant.de(150));
    }

    @Test
    void amountsAreKeptInCentsExactly() {
        assertThat(Consommation.centimes(Montant.de("1234.56"))).isEqualTo(123456L);
        assertThat(Consommation.depuisCentimes(123456L)).isEqualTo(Montant.de("1234.56"));
        assertThatThrownBy(() -> Consommation.centimes(new Montant(new java.math.BigDecimal("0.001"))))
                .isInstanceOf(RuntimeException.class);
    }
}
