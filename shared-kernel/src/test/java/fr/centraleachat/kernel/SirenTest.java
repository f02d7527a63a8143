package fr.centraleachat.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SirenTest {

    @Test
    void acceptsSirenWithValidLuhnKey() {
        assertThat(new Siren("242100410").valeur()).isEqualTo("242100410");
    }

    @ParameterizedTest
    @ValueSource(strings = {"242100411", "24210041", "2421004100", "24210041A", ""})
    void rejectsSirenWithBadKeyOrFormat(String valeur) {
        assertThatThrownBy(() -> new Siren(valeur))
                .isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("SIREN")
                .extracting(e -> ((ValeurInvalideException) e).champ()).isEqualTo("siren");
    }

    @Test
    void rejectsNullSiren() {
        assertThatThrownBy(() -> new Siren(null)).isInstanceOf(ValeurInvalideException.class);
    }
}
