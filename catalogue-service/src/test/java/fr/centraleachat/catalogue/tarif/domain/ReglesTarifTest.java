package fr.centraleachat.catalogue.tarif.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReglesTarifTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12,50|12.50", "12.5|12.50", "3|3.00", "0,1234|0.1234", "1 234,5678|1234.5678", "1\u00A0234|1234.00",
        "1\u202F234 567,1|1234567.10", "12,50 €|12.50", "12,5000|12.50", " 7,25 |7.25", "999999999,9999|999999999.9999"})
    void readsPricesAsFrenchSpreadsheetsWriteThem(String ecrit, String attendu) {
        assertThat(ReglesTarif.prix(ecrit)).isEqualTo(new BigDecimal(attendu));
    }

    @Test
    void refusesMoreThanFourDecimalsQuotingTheValue() {
        assertThatThrownBy(() -> ReglesTarif.prix("12,345678")).isInstanceOf(ValeurInvalideException.class)
                .hasMessage("« 12,345678 » a plus de 4 décimales.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0,0000", "-3", "-0,01", "1e5", "12,5.3", "12,", "douze", "1 23,5", "1.234,56",
        "0x10", "1000000000", "99999999999999999999", "+5", "12,50 $", "∞"})
    void refusesWhatIsNotAPositivePrice(String ecrit) {
        assertThatThrownBy(() -> ReglesTarif.prix(ecrit)).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("« ");
    }

    @Test
    void refusesAMissingPriceAndAHugeExponentWithoutExpandingIt() {
        assertThatThrownBy(() -> ReglesTarif.prix("  ")).hasMessage("le prix unitaire HT est obligatoire.");
        assertThatThrownBy(() -> ReglesTarif.prix(new BigDecimal("1e999999999"), "1e999999999"))
                .hasMessageContaining("dépasse le prix maximal");
        assertThatThrownBy(() -> ReglesTarif.prix(new BigDecimal("1e-999999999"), "1e-999999999"))
                .hasMessageContaining("plus de 4 décimales");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"20|20", "20 %|20", "20%|20", "5,5|5.5", "5.5 %|5.5", "2,1|2.1", "10,0|10",
        "0|0", "0 %|0"})
    void readsTheFrenchVatRates(String ecrit, String attendu) {
        assertThat(ReglesTarif.tauxTva(ecrit)).isEqualByComparingTo(attendu);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19,6", "7", "0,2", "100", "-20", "vingt", ""})
    void refusesOtherRatesListingTheAcceptedOnes(String ecrit) {
        assertThatThrownBy(() -> ReglesTarif.tauxTva(ecrit)).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("0 ; 2,1 ; 5,5 ; 10 ; 20 %");
    }

    @Test
    void textsAreTrimmedNormalisedAndBounded() {
        assertThat(ReglesTarif.reference("  PAP-A4 ")).isEqualTo("PAP-A4");
        assertThat(ReglesTarif.designation("Cafe\u0301 moulu")).isEqualTo("Café moulu");
        assertThat(ReglesTarif.designation("Ramette\npapier")).isEqualTo("Ramette\npapier");
        assertThat(ReglesTarif.conditionnement("   ")).isNull();
        assertThatThrownBy(() -> ReglesTarif.reference("A\nB")).hasMessageContaining("caractère interdit (U+000A)");
        assertThatThrownBy(() -> ReglesTarif.designation("x\u202Eevil")).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> ReglesTarif.designation("x".repeat(501))).hasMessage("texte de 501 caractères, 500 au plus.");
        assertThatThrownBy(() -> ReglesTarif.unite("")).hasMessageContaining("l'unité est obligatoire");
    }

    @Test
    void refusesTextsASpreadsheetWouldEvaluate() {
        assertThatThrownBy(() -> ReglesTarif.designation("=HYPERLINK(\"http://x\";\"clic\")"))
                .hasMessageContaining("ressemble à une formule");
        assertThat(ReglesTarif.designation("-10 % de remise")).isEqualTo("-10 % de remise");
    }

    @Test
    void cpvIsOptionalButChecked() {
        assertThat(ReglesTarif.cpv("")).isNull();
        assertThat(ReglesTarif.cpv("30192000-1").valeur()).isEqualTo("30192000-1");
        assertThatThrownBy(() -> ReglesTarif.cpv("30192000-2")).hasMessageContaining("n'est pas un code CPV valide");
    }

    @Test
    void contractNumbersAreBounded() {
        assertThat(ReglesTarif.numeroContrat("2027-0042-L1")).isEqualTo("2027-0042-L1");
        assertThatThrownBy(() -> ReglesTarif.numeroContrat("../x")).hasMessageContaining("Numéro de marché invalide");
        assertThatThrownBy(() -> ReglesTarif.numeroContrat("a".repeat(41))).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> ReglesTarif.numeroContrat("{\"$gt\":\"\"}")).isInstanceOf(ValeurInvalideException.class);
    }
}
