package fr.centraleachat.infra.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import fr.centraleachat.infra.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable infrastructure: health without connection strings, and the opt-in control endpoints. */
class InfraControlIT {

    @TempDir
    static Path data;

    private static ConfigurableApplicationContext infra;

    private static int httpPort;

    private static int kafkaPort;

    private static int mongoPort;

    private static int smtpPort;

    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        httpPort = FreePorts.find("127.0.0.1");
        kafkaPort = FreePorts.find("127.0.0.1");
        mongoPort = FreePorts.find("127.0.0.1");
        smtpPort = FreePorts.find("127.0.0.1");
        SpringApplication app = new SpringApplication(EmbeddedInfraApplication.class);
        app.setDefaultProperties(Map.of("spring.config.name", "embedded-infra"));
        infra = app.run("--server.port=" + httpPort, "--centrale.infra.data-dir=" + data,
                "--centrale.infra.kafka.port=" + kafkaPort,
                "--centrale.infra.kafka.controller-port=" + FreePorts.find("127.0.0.1"),
                "--centrale.infra.mongo.port=" + mongoPort, "--centrale.infra.smtp.port=" + smtpPort,
                "--centrale.infra.control.enabled=true");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void printsNoConnectionStringInHealth() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<String> health = get(path, false);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"")
                    .doesNotContain("mongodb://")
                    .doesNotContain(":" + kafkaPort)
                    .doesNotContain(":" + mongoPort)
                    .doesNotContain(":" + smtpPort)
                    .doesNotContain(data.toString());
        }
        assertThat(get("/actuator/health/readiness", false).body()).contains("\"kafka\"").contains("\"mongo\"")
                .contains("\"smtp\"");
    }

    @Test
    void refusesControlCallsWithoutTheControlHeader() throws Exception {
        assertThat(get("/control/broker", false).statusCode()).isEqualTo(403);
        assertThat(post("/control/broker/stop", "", false).statusCode()).isEqualTo(403);
        assertThat(get("/control/broker", true).body()).contains("\"running\":true");
    }

    @Test
    void stopsAndStartsTheBrokerKeepingItsRecords() throws Exception {
        HttpResponse<String> produced = post("/control/topics/controle.essai/records?key=k1&partition=0&header=ce_id:e-1",
                "{\"poison\":", true);
        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);

        HttpResponse<String> stopped = post("/control/broker/stop", "", true);
        assertThat(stopped.body()).contains("\"running\":false");
        assertThat(get("/actuator/health/readiness", false).statusCode()).isEqualTo(503);

        HttpResponse<String> started = post("/control/broker/start", "", true);
        assertThat(started.body()).contains("\"running\":true");
        HttpResponse<String> records = get("/control/topics/controle.essai/records", true);
        assertThat(records.body()).contains("\"partition\":0").contains("\"key\":\"k1\"").contains("\"ce_id\":\"e-1\"")
                .contains("\"value\":\"{\\\"poison\\\":\"");
        assertThat(get("/actuator/health/readiness", false).statusCode()).isEqualTo(200);
    }

    @Test
    void listsTheDocumentsOfACollection() throws Exception {
        try (var client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            client.getDatabase("essai").getCollection("membres").insertOne(new org.bson.Document("_id", "212102313"));
        }

        HttpResponse<String> documents = get("/control/mongo/essai/membres", true);

        assertThat(documents.statusCode()).isEqualTo(200);
        assertThat(documents.body()).isEqualTo("[{\"_id\": \"212102313\"}]");
    }

    @Test
    void keepsTheMailsItReceivesInTheDataDirAndListsThemByRecipient() throws Exception {
        fr.centraleachat.infra.EmbeddedSmtpIT.envoyer(smtp(), "acheteur@talant.example", null, "Pièce du marché",
                "Veuillez trouver le DCE.", "dce.zip");

        HttpResponse<String> liste = get("/courriels?destinataire=acheteur@talant.example", false);

        assertThat(liste.statusCode()).isEqualTo(200);
        assertThat(liste.body()).contains("\"sujet\":\"Pièce du marché\"")
                .contains("\"expediteur\":\"centrale@dijon.example\"")
                .contains("\"destinataires\":[\"acheteur@talant.example\"]")
                .contains("\"texte\":\"Veuillez trouver le DCE.\"")
                .contains("\"piecesJointes\":[\"dce.zip\"]");
        String fichier = liste.body().replaceAll(".*\"fichier\":\"([^\"]+)\".*", "$1");
        assertThat(data.resolve("courriels").resolve(fichier)).exists();
        HttpResponse<String> eml = get("/courriels/" + fichier, false);
        assertThat(eml.statusCode()).isEqualTo(200);
        assertThat(eml.headers().firstValue("Content-Type")).get().asString().startsWith("message/rfc822");
        assertThat(eml.body()).contains("Content-Disposition: attachment");
        assertThat(get("/courriels?destinataire=personne@dijon.example", false).body()).isEqualTo("[]");
        assertThat(get("/courriels/..%2Fmongo", false).statusCode()).isIn(400, 404);
    }

    private static fr.centraleachat.infra.EmbeddedSmtp smtp() {
        return infra.getBean(fr.centraleachat.infra.EmbeddedSmtp.class);
    }

    private static HttpResponse<String> get(String path, boolean control) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path));
        if (control) {
            request.header(InfraControlFilter.HEADER, "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body, boolean control) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (control) {
            request.header(InfraControlFilter.HEADER, "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
