package fr.centraleachat.systeme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.smoke.ConnexionOidc;
import fr.centraleachat.smoke.ParcoursDeBoutEnBout;
import fr.centraleachat.smoke.Parametres;
import fr.centraleachat.stack.LocalStack;
import fr.centraleachat.stack.StackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the run command starts it (embedded Kafka and MongoDB, authorization server, three
 * services, gateway — each its own process), the end-to-end flow through the gateway with real tokens, then a
 * restart on the same data directory: nothing is lost.
 */
class SystemeCompletIT {

    @TempDir
    Path donnees;

    @Test
    void runsTheFirstFlowThroughTheGatewayAndKeepsDataAcrossARestart() throws Exception {
        Path racine = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.freePorts();
        String consultationId;
        String sirenTalant;
        try (LocalStack pile = demarrer(racine, ports)) {
            System.out.println("system started in " + pile.startupTime().toMillis() + " ms " + pile.startupTimes());
            List<String> journal = new ArrayList<>();
            Parametres parametres = Parametres.demo(URI.create(pile.gatewayUrl()), URI.create(pile.authServerUrl()));
            ParcoursDeBoutEnBout.Rapport rapport = new ParcoursDeBoutEnBout(parametres, ligne -> {
                journal.add(ligne);
                System.out.println(ligne);
            }).executer();
            assertThat(rapport.echec()).as(String.join("\n", journal)).isNull();
            assertThat(rapport.reussies()).hasSize(18);
            assertThat(rapport.visibiliteCatalogue()).isLessThanOrEqualTo(Duration.ofSeconds(1));
            consultationId = rapport.consultationId();
            sirenTalant = ConnexionOidc.claims(new ConnexionOidc(URI.create(pile.authServerUrl()), "centrale-web",
                    "http://127.0.0.1:8080/callback").jetonPour("agent.talant", "agent.talant")).path("membre").asString();
        }
        assertThat(consultationId).isNotEmpty();

        try (LocalStack pile = demarrer(racine, ports)) {
            String jeton = new ConnexionOidc(URI.create(pile.authServerUrl()), "centrale-web",
                    "http://127.0.0.1:8080/callback").jetonPour("acheteur", "acheteur");
            HttpResponse<String> membres = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(pile.gatewayUrl() + "/api/catalogue/membres-actifs"))
                    .header("Authorization", "Bearer " + jeton).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(membres.statusCode()).isEqualTo(200);
            assertThat(membres.body()).as("Talant is still active after a restart").contains(sirenTalant);
            HttpResponse<String> adhesions = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(pile.gatewayUrl() + "/api/adhesion/adhesions?siren=" + sirenTalant))
                    .header("Authorization", "Bearer " + jeton).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(adhesions.body()).contains("ACTIVE");
            HttpResponse<String> ouvertes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(pile.gatewayUrl() + "/api/catalogue/consultations-ouvertes"))
                    .header("Authorization", "Bearer " + jeton).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ouvertes.body()).as("the published consultation is still open").contains(consultationId);
        }
        assertThat(Files.isDirectory(donnees)).isTrue();
    }

    private LocalStack demarrer(Path racine, StackPorts ports) {
        return LocalStack.builder().projectRoot(racine).dataDir(donnees).ports(ports)
                .startupTimeout(Duration.ofSeconds(240)).start();
    }
}
