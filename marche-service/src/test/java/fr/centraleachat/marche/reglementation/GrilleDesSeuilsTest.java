package fr.centraleachat.marche.reglementation;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrilleDesSeuilsTest {

    private final GrilleDesSeuils grille = GrilleDesSeuils.parDefaut();

    @ParameterizedTest(name = "{0} {1} € lancé le {2} → {3}")
    @CsvSource({
            // Supplies and services, before 2026: dispense < 40 000, EU threshold 221 000
            "FOURNITURES, 39999.99,   2025-06-01, DISPENSE",
            "FOURNITURES, 40000,      2025-06-01, MAPA",
            "SERVICES,    215999.99,  2025-06-01, MAPA",
            "SERVICES,    216000,     2025-06-01, MAPA",
            "SERVICES,    220999.99,  2025-12-31, MAPA",
            "SERVICES,    221000,     2025-12-31, APPEL_OFFRES_OUVERT",
            // From 2026-01-01: EU threshold 216 000
            "SERVICES,    215999.99,  2026-01-01, MAPA",
            "SERVICES,    216000,     2026-01-01, APPEL_OFFRES_OUVERT",
            "FOURNITURES, 39999.99,   2026-03-31, DISPENSE",
            "FOURNITURES, 40000,      2026-03-31, MAPA",
            // From 2026-04-01: dispense < 60 000
            "FOURNITURES, 40000,      2026-04-01, DISPENSE",
            "FOURNITURES, 59999.99,   2026-04-01, DISPENSE",
            "SERVICES,    60000,      2026-04-01, MAPA",
            "FOURNITURES, 215999.99,  2027-01-01, MAPA",
            "FOURNITURES, 216000,     2027-01-01, APPEL_OFFRES_OUVERT",
            // Works: dispense < 100 000 throughout, EU threshold 5 538 000 then 5 404 000
            "TRAVAUX,     99999.99,   2025-06-01, DISPENSE",
            "TRAVAUX,     100000,     2025-06-01, MAPA",
            "TRAVAUX,     5537999.99, 2025-12-31, MAPA",
            "TRAVAUX,     5538000,    2025-12-31, APPEL_OFFRES_OUVERT",
            "TRAVAUX,     5403999.99, 2026-01-01, MAPA",
            "TRAVAUX,     5404000,    2026-01-01, APPEL_OFFRES_OUVERT",
            "TRAVAUX,     99999.99,   2026-04-01, DISPENSE",
            "TRAVAUX,     60000,      2026-04-01, DISPENSE",
            "TRAVAUX,     100000,     2026-04-01, MAPA",
            "TRAVAUX,     5404000,    2026-04-01, APPEL_OFFRES_OUVERT",
    })
    void derive_la_procedure_des_seuils_en_vigueur_au_lancement(Nature nature, String valeur, LocalDate lancement,
                                                                 Procedure attendue) {
        assertThat(grille.procedurePour(nature, Montant.de(valeur), lancement)).isEqualTo(attendue);
    }

    @ParameterizedTest(name = "seuils au {0} : bloc du {1}")
    @CsvSource({
            "2000-01-01, 2000-01-01, 40000, 221000.00",
            "2025-12-31, 2000-01-01, 40000, 221000.00",
            "2026-01-01, 2026-01-01, 40000, 216000.00",
            "2026-03-31, 2026-01-01, 40000, 216000.00",
            "2026-04-01, 2026-04-01, 60000, 216000.00",
            "2030-01-01, 2026-04-01, 60000, 216000.00",
    })
    void choisit_le_dernier_bloc_entre_en_vigueur(LocalDate date, LocalDate dateEffet, String dispense, String europeen) {
        SeuilsEnVigueur seuils = grille.seuilsAu(date);
        assertThat(seuils.dateEffet()).isEqualTo(dateEffet);
        assertThat(seuils.seuilDispense(Nature.SERVICES)).isEqualTo(Montant.de(dispense));
        assertThat(seuils.seuilEuropeen(Nature.FOURNITURES)).isEqualTo(Montant.de(europeen));
    }

    @Test
    void refuse_une_date_anterieure_a_la_grille() {
        assertThatThrownBy(() -> grille.seuilsAu(LocalDate.of(1999, 12, 31)))
                .isInstanceOf(ValeurInvalideException.class)
                .hasMessage("Aucun seuil de procédure n'est défini au 31/12/1999.");
    }

    @ParameterizedTest(name = "{0} {1} € le {2} → BOAMP/JAL {3}")
    @CsvSource({
            "SERVICES,    89999.99, 2025-06-01, false",
            "SERVICES,    90000,    2025-06-01, true",
            "FOURNITURES, 215999.99, 2026-06-01, true",
            "FOURNITURES, 216000,   2026-06-01, false", // open tender: its own publicity rules
            "FOURNITURES, 59999.99, 2026-06-01, false", // dispense
            "FOURNITURES, 70000,    2026-06-01, false", // MAPA under 90 000
            "TRAVAUX,     100000,   2026-06-01, true",
    })
    void exige_la_publicite_boamp_ou_jal_pour_un_mapa_a_partir_de_90_000(Nature nature, String valeur, LocalDate date,
                                                                        boolean requise) {
        assertThat(grille.publiciteBoampOuJalRequise(nature, Montant.de(valeur), date)).isEqualTo(requise);
    }

    @Test
    void refuse_une_configuration_incomplete_ou_inconnue() throws IOException {
        String complet = """
                seuils.2024-01-01.dispense.fournitures-services=40000
                seuils.2024-01-01.dispense.travaux=100000
                seuils.2024-01-01.europeen.fournitures-services=221000
                seuils.2024-01-01.europeen.travaux=5538000
                seuils.2024-01-01.publicite-mapa=90000
                """;
        assertThat(GrilleDesSeuils.depuis(proprietes(complet)).seuilsAu(LocalDate.of(2024, 5, 1)).dateEffet())
                .isEqualTo(LocalDate.of(2024, 1, 1));

        assertThatThrownBy(() -> GrilleDesSeuils.depuis(proprietes(complet.replace("seuils.2024-01-01.dispense.travaux=100000", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispense.travaux");
        assertThatThrownBy(() -> GrilleDesSeuils.depuis(proprietes(complet + "seuils.2024-01-01.inconnu=1\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inconnu");
        assertThatThrownBy(() -> GrilleDesSeuils.depuis(proprietes(complet + "seuil.2024-01-01.travaux=1\n")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrilleDesSeuils.depuis(proprietes(complet.replace("=221000", "=30000"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrilleDesSeuils.depuis(new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrilleDesSeuils.depuisClasspath("reglementation/absent.properties"))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Properties proprietes(String texte) throws IOException {
        Properties proprietes = new Properties();
        proprietes.load(new StringReader(texte));
        return proprietes;
    }
}
