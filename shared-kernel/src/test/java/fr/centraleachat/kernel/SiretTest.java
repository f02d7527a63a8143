package fr.centraleachat.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiretTest {

    @Test
    void acceptsSiretWithValidLuhnKeyAndExposesItsSiren() {
        Siret siret = new Siret("73282932000074");
        assertThat(siret.siren()).isEqualTo(new Siren("732829320"));
    }

    @Test
    void rejectsSiretWithBadKey() {
        assertThatThrownBy(() -> new Siret("73282932000075")).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void acceptsLaPosteEstablishmentWhoseDigitsSumToMultipleOfFive() {
        // 3+5+6+0+0+0+0+0+0+0+0+0+4+7 = 25; not Luhn-valid, yet a real La Poste SIRET
        assertThat(Siret.estValide("35600000000047")).isTrue();
        assertThat(Siret.estValide("35600000000048")).isFalse();
    }
}
