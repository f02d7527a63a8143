package fr.centraleachat.marche.programmation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.programmation.domain.Fractionnement.Alerte;
import fr.centraleachat.marche.programmation.domain.Fractionnement.ProcedureComptee;
import fr.centraleachat.marche.programmation.domain.Fractionnement.SeuilFranchi;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FractionnementTest {

    private static final GrilleDesSeuils GRILLE = GrilleDesSeuils.parDefaut();
    private static final FamilleAchat PAPIER = FamilleAchat.FOURNITURES_ADMINISTRATIVES;

    private static Optional<Alerte> verifier(String valeur, LocalDate lancement, Nature nature, String... autres) {
        List<ProcedureComptee> comptees = new java.util.ArrayList<>();
        for (int i = 0; i < autres.length; i++) {
            comptees.add(new ProcedureComptee("P" + (i + 1), "Procédure " + (i + 1), Montant.de(autres[i])));
        }
        return Fractionnement.verifier(PAPIER, nature, Montant.de(valeur), lancement, comptees,
                GRILLE.seuilsAu(lancement));
    }

    @Test
    void warnsWhenTheFamilysYearCrossesTheEuThresholdThatTheConsultationAloneDoesNot() {
        Alerte alerte = verifier("30000", LocalDate.of(2026, 3, 15), Nature.FOURNITURES, "150000", "50000")
                .orElseThrow();

        assertThat(alerte.seuilFranchi()).isEqualTo(SeuilFranchi.EUROPEEN);
        assertThat(alerte.seuil()).isEqualTo(Montant.de(216_000));
        assertThat(alerte.cumul()).isEqualTo(Montant.de(230_000));
        assertThat(alerte.procedurePropre()).isEqualTo(Procedure.DISPENSE);
        assertThat(alerte.procedureDuCumul()).isEqualTo(Procedure.APPEL_OFFRES_OUVERT);
        assertThat(alerte.comptees()).extracting(ProcedureComptee::reference).containsExactly("P1", "P2");
        assertThat(alerte.annee()).isEqualTo(2026);
        assertThat(alerte.message()).contains("Risque de fractionnement", "30000.00 € HT", "216000.00 € HT", "230000.00 € HT",
                "Fournitures administratives et de bureau", "appel d'offres ouvert", "R2121-6");
    }

    @Test
    void theThresholdsAreThoseInForceOnTheLaunchDate() {
        // 218 000 € in all (a MAPA advertised in the BOAMP on its own): above the EU threshold of 2026 (216 000 €),
        // under that of 2025 (221 000 €).
        assertThat(verifier("100000", LocalDate.of(2025, 12, 31), Nature.FOURNITURES, "118000")).isEmpty();
        assertThat(verifier("100000", LocalDate.of(2026, 1, 2), Nature.FOURNITURES, "118000"))
                .hasValueSatisfying(a -> {
                    assertThat(a.seuilFranchi()).isEqualTo(SeuilFranchi.EUROPEEN);
                    assertThat(a.seuilsAu()).isEqualTo(LocalDate.of(2026, 1, 1));
                });

        // The dispense threshold rises from 40 000 € to 60 000 € on 2026-04-01: 45 000 € in all needs a MAPA in
        // March (the consultation alone, 15 000 €, would not), and nothing more in April.
        assertThat(verifier("15000", LocalDate.of(2026, 3, 31), Nature.FOURNITURES, "30000"))
                .hasValueSatisfying(a -> {
                    assertThat(a.seuilFranchi()).isEqualTo(SeuilFranchi.DISPENSE);
                    assertThat(a.seuil()).isEqualTo(Montant.de(40_000));
                });
        assertThat(verifier("15000", LocalDate.of(2026, 4, 1), Nature.FOURNITURES, "30000")).isEmpty();
    }

    @Test
    void warnsOfTheMapaPublicityThresholdAndStaysSilentWhenNothingIsCrossed() {
        assertThat(verifier("70000", LocalDate.of(2026, 6, 1), Nature.SERVICES, "25000"))
                .hasValueSatisfying(a -> {
                    assertThat(a.seuilFranchi()).isEqualTo(SeuilFranchi.PUBLICITE_MAPA);
                    assertThat(a.procedurePropre()).isEqualTo(Procedure.MAPA);
                    assertThat(a.procedureDuCumul()).isEqualTo(Procedure.MAPA);
                });
        assertThat(verifier("70000", LocalDate.of(2026, 6, 1), Nature.SERVICES, "10000")).isEmpty();
        // Already above the EU threshold on its own: the procedure is the right one whatever the year holds.
        assertThat(verifier("250000", LocalDate.of(2026, 6, 1), Nature.FOURNITURES, "500000")).isEmpty();
        assertThat(verifier("30000", LocalDate.of(2026, 6, 1), Nature.FOURNITURES)).isEmpty();
    }

    @Test
    void worksUseTheirOwnThresholds() {
        // 5 404 000 € for works in 2026: 3 + 2.5 million crosses it, while 250 000 € of supplies would have long before.
        assertThat(verifier("3000000", LocalDate.of(2026, 9, 1), Nature.TRAVAUX, "2500000"))
                .hasValueSatisfying(a -> assertThat(a.seuil()).isEqualTo(Montant.de(5_404_000)));
        assertThat(verifier("3000000", LocalDate.of(2026, 9, 1), Nature.TRAVAUX, "2000000")).isEmpty();
        // A threshold is exclusive: a cumulative value equal to it already calls for the upper procedure.
        assertThat(verifier("16000", LocalDate.of(2026, 9, 1), Nature.FOURNITURES, "200000"))
                .hasValueSatisfying(a -> assertThat(a.cumul()).isEqualTo(Montant.de(216_000)));
    }
}
