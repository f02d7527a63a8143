package fr.centraleachat.catalogue.tarif.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoefficientTest {

    @ParameterizedTest
    @CsvSource({
        "12.3456, 1.0325, 12.7468",   // 12.746832
        "0.0005, 1.5, 0.0008",        // 0.00075: half up
        "0.0001, 0.5, 0.0001",        // 0.00005: half up, never zero
        "10.00, 1.1, 11.00",
        "3.20, 2, 6.40",
        "0.1234, 0.9999, 0.1234",     // 0.12338766
        "999.9999, 1.0001, 1000.0999" // 1000.09989999
    })
    void revisedPricesAreRoundedHalfUpToFourDecimals(String prix, String coefficient, String attendu) {
        assertThat(new Coefficient(new BigDecimal(coefficient)).appliquer(new BigDecimal(prix)))
                .isEqualTo(new BigDecimal(attendu));
    }

    @Test
    void aRevisedLineKeepsEverythingButItsPrice() {
        LigneTarif ligne = new LigneTarif("PAP-A4", "Ramette", "ramette", "carton de 5", new BigDecimal("3.20"),
                new BigDecimal("20"), null);
        LigneTarif revisee = ligne.revisee(new Coefficient(new BigDecimal("1.0325")));
        assertThat(revisee.prixUnitaireHt()).isEqualTo(new BigDecimal("3.304"));
        assertThat(revisee).usingRecursiveComparison().ignoringFields("prixUnitaireHt").isEqualTo(ligne);
        assertThat(revisee.prixUnitaireTtc()).isEqualByComparingTo("3.96");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.4999", "2.0001", "0", "-1", "1e999999999", "-1e999999999", "1e-999999999", "1.00001"})
    void refusesCoefficientsOutOfBoundsOrTooPrecise(String valeur) {
        assertThatThrownBy(() -> new Coefficient(new BigDecimal(valeur))).hasMessageContaining("coefficient");
    }

    @Test
    void keepsFourDecimals() {
        assertThat(new Coefficient(new BigDecimal("1.03")).valeur()).isEqualTo(new BigDecimal("1.0300"));
        assertThat(new Coefficient(new BigDecimal("2.000000")).valeur()).isEqualTo(new BigDecimal("2.0000"));
    }
}
