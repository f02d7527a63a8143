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

    @Test
    void rejectsAmountsAboveATrillionEuros() {
        assertThat(Montant.de("1000000000000").valeurHt()).isEqualByComparingTo("1e12");
        assertThatThrownBy(() -> Montant.de("1000000000000.01")).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("dépasser");
    }

    @Test
    void rejectsHugeExponentFormsWithoutExpandingThem() {
        long debut = System.nanoTime();
        for (String valeur : new String[] {"1e100000", "1e3000000", "1e999999999", "-1e999999999", "1e-999999999"}) {
            assertThatThrownBy(() -> Montant.de(valeur)).as(valeur).isInstanceOf(ValeurInvalideException.class);
        }
        // Expanding any one of them would take seconds: the five refusals together stay far below that.
        assertThat(System.nanoTime() - debut).isLessThan(500_000_000L);
    }

    @Test
    void rejectsUnparsableText() {
        assertThatThrownBy(() -> Montant.de("1e3000000000")).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> Montant.de("douze")).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void acceptsTrailingZerosBeyondTheCent() {
        assertThat(Montant.de("12.5000").valeurHt()).isEqualByComparingTo("12.50");
    }
}
