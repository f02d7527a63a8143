package fr.centraleachat.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MontantTest {

    @Test
    void keepsAmountsToTheCentAndAddsThem() {
        assertThat(Montant.de("10.5").plus(Montant.de("0.25"))).isEqualTo(Montant.de("10.75"));
        assertThat(Montant.de(40000).valeurHt()).isEqualByComparingTo(new BigDecimal("40000.00"));
    }

    @Test
    void rejectsNegativeAmount() {
        assertThatThrownBy(() -> Montant.de("-1")).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("négatif");
    }

    @Test
    void rejectsFractionsOfACent() {
        assertThatThrownBy(() -> Montant.de("1.001")).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void comparesAmounts() {
        assertThat(Montant.de(39999).estInferieurA(Montant.de(40000))).isTrue();
        assertThat(Montant.de(40000).estInferieurA(Montant.de(40000))).isFalse();
    }
}
