package fr.centraleachat.systeme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.contrat.opendata.SchemasOfficiels;
import fr.centraleachat.smoke.ConnexionOidc;
import fr.centraleachat.smoke.ParcoursDeBoutEnBout;
import fr.centraleachat.smoke.Parametres;
import fr.centraleachat.stack.LocalStack;
import fr.centraleachat.stack.ProcessSpec;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system as the run command starts it (embedded Kafka and MongoDB, authorization server, three
 * services, gateway — each its own process), the end-to-end flow through the gateway with real tokens, a service
 * killed with SIGKILL and brought back by the launcher while the others keep serving, then a restart on the same
 * data directory: nothing is lost.
 */
class SystemeCompletIT {

    @TempDir
    Path donnees;

    @Test
    void runsTheFirstFlowSurvivesAKilledServiceAndKeepsDataAcrossARestart() throws Exception {
        Path racine = Path.of(System.getProperty("centrale.racine", "..")).toAbsolutePath().normalize();
        StackPorts ports = StackPorts.freePorts();
        String consultationId;
        String sirenTalant;
        try (LocalStack pile = demarrer(racine, ports)) {
            System.out.println("system started in " + pile.startupTime().toMillis() + " ms " + pile.startupTimes());
            List<String> journal = new ArrayList<>();
            Parametres parametres = Parametres.demo(URI.create(pile.gatewayUrl()), URI.create(pile.authServerUrl()))
                    .avecKafka("localhost:" + ports.kafka())
                    .avecCourriels(URI.create(pile.url(ProcessSpec.EMBEDDED_INFRA)));
            ParcoursDeBoutEnBout.Rapport rapport = new ParcoursDeBoutEnBout(parametres, ligne -> {
                journal.add(ligne);
                System.out.println(ligne);
            }).executer();
            assertThat(rapport.echec()).as(String.join("\n", journal)).isNull();
            assertThat(rapport.reussies()).hasSize(50);
            // What the running system published, against the official schemas.
            assertThat(SchemasOfficiels.erreursDecp(SchemasOfficiels.JSON.readTree(rapport.donneesOuvertes().get("decp"))))
                    .as("DECP of the notified marché").isEmpty();
            assertThat(SchemasOfficiels.erreursPaquetDeRecords(SchemasOfficiels.JSON.readTree(
                    rapport.donneesOuvertes().get("ocds")))).as("OCDS record package of the consultation").isEmpty();
            assertThat(rapport.visibiliteCatalogue()).isLessThanOrEqualTo(Duration.ofSeconds(1));
            consultationId = rapport.consultationId();
            sirenTalant = ConnexionOidc.claims(new ConnexionOidc(URI.create(pile.authServerUrl()), "centrale-web",
                    "http://127.0.0.1:8080/callback").jetonPour("agent.talant", "agent.talant")).path("membre").asString();
            killedServiceIsRestartedWhileTheOthersKeepServing(pile, sirenTalant);
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

    private static void killedServiceIsRestartedWhileTheOthersKeepServing(LocalStack pile, String siren) throws Exception {
        String jeton = new ConnexionOidc(URI.create(pile.authServerUrl()), "centrale-web",
                "http://127.0.0.1:8080/callback").jetonPour("acheteur", "acheteur");
        String adhesions = pile.gatewayUrl() + "/api/adhesion/adhesions?siren=" + siren;
        String membres = pile.gatewayUrl() + "/api/catalogue/membres-actifs";
        Map<String, Long> avant = pile.pids();
        ProcessHandle tue = ProcessHandle.of(avant.get(ProcessSpec.ADHESION)).orElseThrow();
        tue.destroyForcibly();
        tue.onExit().get(10, TimeUnit.SECONDS);

        HttpResponse<String> pendant = get(adhesions, jeton);
        assertThat(pendant.statusCode()).as("adhesion-service down: %s", pendant.body()).isEqualTo(503);
        assertThat(pendant.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get(membres, jeton).statusCode()).as("catalogue keeps serving").isEqualTo(200);

        long limite = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        HttpResponse<String> apres = get(adhesions, jeton);
        while (apres.statusCode() != 200 && System.nanoTime() < limite) {
            Thread.sleep(250);
            apres = get(adhesions, jeton);
        }
        assertThat(apres.statusCode()).as("adhesion-service answers again through the gateway: %s", apres.body())
                .isEqualTo(200);
        assertThat(apres.body()).as("same data dir after the restart").contains("ACTIVE");
        assertThat(pile.restarts(ProcessSpec.ADHESION)).isEqualTo(1);
        assertThat(pile.status(ProcessSpec.ADHESION)).contains(LocalStack.Status.UP);
        Map<String, Long> apresPids = pile.pids();
        assertThat(apresPids.get(ProcessSpec.ADHESION)).isNotEqualTo(avant.get(ProcessSpec.ADHESION));
        avant.remove(ProcessSpec.ADHESION);
        apresPids.remove(ProcessSpec.ADHESION);
        assertThat(apresPids).as("the other processes were not touched").isEqualTo(avant);
    }

    private static HttpResponse<String> get(String url, String jeton) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + jeton).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private LocalStack demarrer(Path racine, StackPorts ports) {
        return LocalStack.builder().projectRoot(racine).dataDir(donnees).ports(ports)
                .startupTimeout(Duration.ofSeconds(240)).start();
    }
}
