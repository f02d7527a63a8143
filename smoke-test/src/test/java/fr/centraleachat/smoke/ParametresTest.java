package fr.centraleachat.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParametresTest {

    @Test
    void defaultsToDemoAccountsForTheGivenUrls() {
        Parametres p = Parametres.depuisArguments("http://gw:8080", "http://auth:9000");
        assertThat(p.passerelle()).hasToString("http://gw:8080");
        assertThat(p.acheteur().identifiant()).isEqualTo("acheteur");
        assertThat(p.delaiVisibilite()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readsCredentialsWithColonsInPasswords() {
        Parametres p = Parametres.depuisArguments("http://gw", "http://auth", "--acheteur", "marie:s3cr:et",
                "--visibility-ms", "2500");
        assertThat(p.acheteur().identifiant()).isEqualTo("marie");
        assertThat(p.acheteur().secret()).isEqualTo("s3cr:et");
        assertThat(p.delaiVisibilite()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void rejectsMissingUrlsAndUnknownOptions() {
        assertThatThrownBy(() -> Parametres.depuisArguments("http://gw")).hasMessageContaining("usage");
        assertThatThrownBy(() -> Parametres.depuisArguments("http://gw", "http://auth", "--inconnue", "x"))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Parametres.depuisArguments("http://gw", "http://auth", "--acheteur", "sansmotdepasse"))
                .hasMessageContaining("user:password");
    }

    @Test
    void readsTheEventsFromTheGatewayHostsBrokerUnlessToldOtherwise() {
        assertThat(Parametres.depuisArguments("http://gw.example:8080", "http://auth").kafka())
                .isEqualTo("gw.example:9092");
        assertThat(Parametres.depuisArguments("http://gw", "http://auth", "--kafka", "broker:19092").kafka())
                .isEqualTo("broker:19092");
        assertThat(Parametres.depuisArguments("http://gw", "http://auth", "--kafka", "none").kafka()).isNull();
    }

    @Test
    void encodesFormFields() {
        assertThat(ConnexionOidc.formulaire(java.util.Map.of("redirect_uri", "http://127.0.0.1:8080/callback")))
                .isEqualTo("redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcallback");
    }
}
