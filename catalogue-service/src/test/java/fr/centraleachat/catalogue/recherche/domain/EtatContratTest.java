package fr.centraleachat.catalogue.recherche.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.FamilleAchat;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtatContratTest {

    private static final LocalDate DEBUT = LocalDate.of(2027, 1, 1);
    private static final LocalDate FIN = LocalDate.of(2028, 12, 31);

    private static ContratIndexe contrat(LocalDate resilieLe, List<String> beneficiaires) {
        return new ContratIndexe("2027-0042-L1", "Fournitures de bureau", "Papier", "55210055400013",
                "Papeterie de Bourgogne", beneficiaires, "30197630-1", FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                DEBUT, FIN, resilieLe);
    }

    private static VersionTarif version(int numero, String id, LocalDate dateEffet) {
        return new VersionTarif(numero, id, dateEffet, SourceVersion.IMPORT, "CSV", "prix.csv", null, null, null, 10,
                null, null);
    }

    @Test
    void theStatusFollowsTheDatesLikeTheContractsOwn() {
        ContratIndexe c = contrat(null, List.of());
        assertThat(c.statut(DEBUT.minusDays(1))).isEqualTo(StatutContrat.A_VENIR);
        assertThat(c.statut(DEBUT)).isEqualTo(StatutContrat.ACTIF);
        assertThat(c.statut(FIN)).isEqualTo(StatutContrat.ACTIF);
        assertThat(c.statut(FIN.plusDays(1))).isEqualTo(StatutContrat.EXPIRE);
        ContratIndexe resilie = contrat(LocalDate.of(2027, 6, 1), List.of());
        assertThat(resilie.statut(LocalDate.of(2027, 5, 31))).isEqualTo(StatutContrat.ACTIF);
        assertThat(resilie.statut(LocalDate.of(2027, 6, 1))).isEqualTo(StatutContrat.RESILIE);
    }

    @Test
    void thePricesShownAreThoseOfTodayWithinTheContractsLife() {
        ContratIndexe c = contrat(null, List.of());
        assertThat(c.jourDeReference(LocalDate.of(2026, 3, 1))).isEqualTo(DEBUT);
        assertThat(c.jourDeReference(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(c.jourDeReference(LocalDate.of(2030, 3, 1))).isEqualTo(FIN);
        assertThat(contrat(LocalDate.of(2027, 6, 1), List.of()).jourDeReference(LocalDate.of(2030, 3, 1)))
                .isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void theFingerprintChangesWithTheVersionInForceAndTheContractOnly() {
        HistoriqueTarif deux = new HistoriqueTarif("2027-0042-L1", List.of(version(1, "v1", DEBUT),
                version(2, "v2", LocalDate.of(2027, 7, 1))));
        EtatContrat etat = new EtatContrat(contrat(null, List.of("212106173")), deux);
        LocalDate juin = LocalDate.of(2027, 6, 30);
        LocalDate juillet = LocalDate.of(2027, 7, 1);
        assertThat(etat.versionEnVigueur(juin)).get().extracting(VersionTarif::id).isEqualTo("v1");
        assertThat(etat.versionEnVigueur(juillet)).get().extracting(VersionTarif::id).isEqualTo("v2");
        assertThat(etat.empreinte(juin)).isEqualTo(etat.empreinte(LocalDate.of(2027, 2, 1)))
                .isNotEqualTo(etat.empreinte(juillet));

        EtatContrat autreBeneficiaire = new EtatContrat(contrat(null, List.of("212102313")), deux);
        assertThat(autreBeneficiaire.empreinte(juin)).isNotEqualTo(etat.empreinte(juin));
        EtatContrat sansListe = new EtatContrat(contrat(null, List.of("212106173")), null);
        assertThat(sansListe.versionEnVigueur(juin)).isEmpty();
        assertThat(sansListe.empreinte(juin)).isNotEqualTo(etat.empreinte(juin));
    }
}
