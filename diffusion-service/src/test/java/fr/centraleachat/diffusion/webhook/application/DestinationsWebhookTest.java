package fr.centraleachat.diffusion.webhook.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsWebhookTest {

    private final DestinationsWebhook publiquesSeulement = new DestinationsWebhook(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/x", "http://LOCALHOST/x", "http://api.localhost/x",
            "http://127.0.0.1/x", "http://127.8.9.10/x", "http://0.0.0.0/x", "http://10.1.2.3/x", "http://172.16.0.1/x",
            "http://172.31.255.255/x", "http://192.168.1.20/x", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/x", "http://224.0.0.1/x", "http://[::1]/x", "http://[fe80::1]/x", "http://[fd12::1]/x",
            "http://[::ffff:127.0.0.1]/x"})
    void refusesAnAddressWrittenAsInternalAtRegistration(String url) {
        assertThatThrownBy(() -> publiquesSeulement.verifierALEnregistrement(UrlWebhook.de(url)))
                .isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("réseau interne");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://si.example.fr/centrale/evenements", "http://93.184.216.34/x",
            "http://172.32.0.1/x", "http://100.128.0.1/x", "http://[2001:db8::1]/x", "https://localhost.example.fr/x"})
    void acceptsPublicAddressesAndNamesWithoutLookingThemUp(String url) {
        assertThatCode(() -> publiquesSeulement.verifierALEnregistrement(UrlWebhook.de(url))).doesNotThrowAnyException();
    }

    @Test
    void refusesADeliveryWhoseHostResolvesInside() {
        // "localhost" resolves without any DNS server, to the loopback.
        assertThat(publiquesSeulement.refusAvantLivraison(UrlWebhook.de("http://localhost:9/x")))
                .hasValueSatisfying(raison -> assertThat(raison).contains("localhost", "réseau interne"));
        assertThat(publiquesSeulement.refusAvantLivraison(UrlWebhook.de("http://93.184.216.34/x"))).isEmpty();
    }

    @Test
    void aLocalRunMayDeliverToItsOwnMachine() {
        DestinationsWebhook locale = new DestinationsWebhook(true);

        assertThatCode(() -> locale.verifierALEnregistrement(UrlWebhook.de("http://127.0.0.1:8099/centrale")))
                .doesNotThrowAnyException();
        assertThat(locale.refusAvantLivraison(UrlWebhook.de("http://localhost:8099/centrale"))).isEmpty();
    }

    @Test
    void classesAddressesByRange() throws Exception {
        assertThat(DestinationsWebhook.interne(InetAddress.getByName("100.127.255.255"))).isTrue();
        assertThat(DestinationsWebhook.interne(InetAddress.getByName("100.63.255.255"))).isFalse();
        assertThat(DestinationsWebhook.interne(InetAddress.getByName("fc00::1"))).isTrue();
        assertThat(DestinationsWebhook.interne(InetAddress.getByName("2a01:cb00::1"))).isFalse();
    }
}
