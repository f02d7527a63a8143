package fr.centraleachat.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeCpvTest {

    @ParameterizedTest
    @ValueSource(strings = {"30192000-1", "03000000-1", "45000000-7", "72000000-5", "79341000-6", "90910000-9", "33600000-6"})
    void acceptsPublishedCpvCodes(String code) {
        assertThat(new CodeCpv(code).valeur()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30192000-2", "45000000-0", "72000000-4"})
    void rejectsCpvWithWrongCheckDigit(String code) {
        assertThatThrownBy(() -> new CodeCpv(code))
                .isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("clé de contrôle");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30192000", "3019200-1", "30192000-12", "ABCDEFGH-1"})
    void rejectsMalformedCpv(String code) {
        assertThatThrownBy(() -> new CodeCpv(code)).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30192000-1"})
    void exposesDivision(String code) {
        assertThat(new CodeCpv(code).division()).isEqualTo("30");
    }
}
