package fr.centraleachat.diffusion.flux.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CurseurTest {

    @Test
    void readsBackTheCursorItWrote() {
        Curseur curseur = new Curseur(123_456_789L);
        assertThat(Curseur.lire(curseur.texte())).isEqualTo(curseur);
        assertThat(curseur.texte()).doesNotContain("123456789");
    }

    @Test
    void startsAtTheBeginningWithoutCursor() {
        assertThat(Curseur.lire(null)).isEqualTo(Curseur.DEBUT);
        assertThat(Curseur.lire("")).isEqualTo(Curseur.DEBUT);
    }

    @Test
    void refusesACursorItDidNotWrite() {
        for (String faux : new String[] {"abc", "!!!", "x".repeat(65),
                Base64.getUrlEncoder().encodeToString("j1:-4".getBytes(StandardCharsets.US_ASCII)),
                Base64.getUrlEncoder().encodeToString("j2:4".getBytes(StandardCharsets.US_ASCII)),
                Base64.getUrlEncoder().encodeToString("j1:99999999999999999999".getBytes(StandardCharsets.US_ASCII))}) {
            assertThatThrownBy(() -> Curseur.lire(faux)).as(faux).isInstanceOf(ValeurInvalideException.class)
                    .hasMessageContaining("Curseur");
        }
    }
}
