package fr.centraleachat.kernel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeInseeTest {

    @ParameterizedTest
    @ValueSource(strings = {"21231", "2A004", "2B033"})
    void acceptsCommuneCodes(String code) {
        assertThatCode(() -> new CodeInsee(code)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2123", "212311", "2C004", "AB123"})
    void rejectsMalformedCodes(String code) {
        assertThatThrownBy(() -> new CodeInsee(code)).isInstanceOf(ValeurInvalideException.class);
    }
}
