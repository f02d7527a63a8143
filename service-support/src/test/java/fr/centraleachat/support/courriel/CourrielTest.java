package fr.centraleachat.support.courriel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourrielTest {

    @Test
    void plainMailToOneRecipientIsAccepted() {
        Courriel courriel = Courriel.texte("agent@dijon.example", "Marché notifié", "Bonjour");

        assertThat(courriel.destinataires()).containsExactly("agent@dijon.example");
        assertThat(courriel.html()).isNull();
        assertThat(courriel.piecesJointes()).isEmpty();
    }

    @Test
    void addressesWithADisplayNameOrAHeaderAreRefused() {
        for (String adresse : List.of("Agent <agent@dijon.example>", "agent@dijon.example\r\nBcc: x@y.example",
                "pas-une-adresse", "", "a b@dijon.example")) {
            assertThatThrownBy(() -> Courriel.texte(adresse, "Sujet", "Texte")).as(adresse)
                    .isInstanceOf(ValeurInvalideException.class)
                    .satisfies(e -> assertThat(((ValeurInvalideException) e).champ()).isEqualTo("destinataires"));
        }
    }

    @Test
    void subjectMustBeOneNonBlankLine() {
        for (String sujet : List.of("", "  ", "Ligne\r\nBcc: x@y.example", "x".repeat(Courriel.SUJET_MAX + 1))) {
            assertThatThrownBy(() -> Courriel.texte("agent@dijon.example", sujet, "Texte")).as(sujet)
                    .isInstanceOf(ValeurInvalideException.class);
        }
    }

    @Test
    void attachmentsOverTenMegabytesTogetherAreRefused() {
        Courriel courriel = Courriel.texte("agent@dijon.example", "Pièces", "Texte")
                .avec(new PieceJointe("a.pdf", "application/pdf", new byte[6 * 1024 * 1024]));

        assertThatThrownBy(() -> courriel.avec(new PieceJointe("b.pdf", "application/pdf", new byte[5 * 1024 * 1024])))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("10 Mo");
    }

    @Test
    void attachmentNameIsAFileNameAndItsTypeAMediaType() {
        assertThatThrownBy(() -> new PieceJointe("../etc/passwd", "text/plain", new byte[1]))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new PieceJointe("a.pdf", "pas un type", new byte[1]))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new PieceJointe("a.pdf", "application/pdf", null))
                .isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void attachmentContentCannotBeChangedAfterItWasChecked() {
        byte[] octets = {1, 2, 3};
        PieceJointe pieceJointe = new PieceJointe("a.bin", "application/octet-stream", octets);
        octets[0] = 9;
        pieceJointe.contenu()[1] = 9;

        assertThat(pieceJointe.contenu()).containsExactly(1, 2, 3);
        assertThat(pieceJointe).isEqualTo(new PieceJointe("a.bin", "application/octet-stream", new byte[] {1, 2, 3}));
    }

    @Test
    void retryWaitDoublesUpToTheMaximum() {
        CourrielProperties proprietes = new CourrielProperties(null, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(30), null, null, null);

        assertThat(proprietes.attenteApres(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(proprietes.attenteApres(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(proprietes.attenteApres(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(proprietes.attenteApres(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(proprietes.attenteApres(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void senderDefaultsToTheCentraleAddressAndMustBeABareAddress() {
        assertThat(new CourrielProperties(null, null, null, null, null, null, null, null).expediteur())
                .isEqualTo("centrale-achat@dijon-metropole.example");
        assertThatThrownBy(() -> new CourrielProperties(null, "Centrale <c@d.example>", null, null, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
    }
}
