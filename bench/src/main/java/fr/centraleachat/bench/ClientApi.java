package fr.centraleachat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls with a bearer token, through the gateway or to a service directly; shared by the JVM benchmarks. */
final class ClientApi {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    record Reponse(int status, String body, JsonNode json) {
    }

    private final URI base;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Duration timeout;

    ClientApi(URI base, Duration timeout) {
        this(base, timeout, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    ClientApi(URI base, Duration timeout, HttpClient http) {
        this.base = base;
        this.timeout = timeout;
        this.http = http;
    }

    URI base() {
        return base;
    }

    JsonMapper json() {
        return json;
    }

    String write(Object value) {
        return json.writeValueAsString(value);
    }

    Reponse call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reponse(response.statusCode(), response.body(), parse(response.body()));
    }

    JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            return null; // kept as text in the error message
        }
    }

    static void expect(Reponse reponse, int status) {
        if (reponse.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reponse.status() + ": " + reponse.body());
        }
    }

    /**
     * Makes the agent's member (Talant in the demo data) a beneficiary consultations may name: its adhésion
     * requested, deliberated and activated (or resumed) as needed. Returns its SIREN.
     */
    String beneficiaireActif(String jetonAcheteur, String jetonAgent, String libelle) throws Exception {
        return beneficiaireActif(jetonAcheteur, jetonAgent, libelle, true);
    }

    /** {@link #beneficiaireActif(String, String, String)}, saying what it did only when {@code journal}. */
    String beneficiaireActif(String jetonAcheteur, String jetonAgent, String libelle, boolean journal) throws Exception {
        String siren = fr.centraleachat.smoke.ConnexionOidc.claims(jetonAgent).path("membre").asString();
        String id = null;
        String statut = null;
        Reponse existantes = call("GET", "/api/adhesion/adhesions?siren=" + siren, jetonAcheteur, null);
        expect(existantes, 200);
        // A page {elements: [...]} or a bare list.
        JsonNode liste = existantes.json().has("elements") ? existantes.json().path("elements") : existantes.json();
        for (JsonNode adhesion : liste) {
            if (!"RESILIEE".equals(adhesion.path("statut").asString())) {
                id = adhesion.path("id").asString();
                statut = adhesion.path("statut").asString();
            }
        }
        if (id == null) {
            Reponse creee = call("POST", "/api/adhesion/adhesions", jetonAgent, write(Map.of(
                    "siren", siren, "famillesAchat", List.of("FOURNITURES_ADMINISTRATIVES"),
                    "missions", "PASSATION_ET_EXECUTION")));
            expect(creee, 201);
            id = creee.json().path("id").asString();
            statut = creee.json().path("statut").asString();
        }
        LocalDate today = LocalDate.now(PARIS);
        if ("DEMANDEE".equals(statut)) {
            Reponse deliberee = call("POST", "/api/adhesion/adhesions/" + id + "/deliberation", jetonAcheteur,
                    write(Map.of("numero", libelle + "-" + today, "date", today.minusDays(7).toString())));
            expect(deliberee, 200);
            statut = deliberee.json().path("statut").asString();
        }
        if ("DELIBEREE".equals(statut)) {
            Reponse activee = call("POST", "/api/adhesion/adhesions/" + id + "/activation", jetonAcheteur,
                    write(Map.of("dateSignatureConvention", today.toString(), "dateEffet", today.toString())));
            expect(activee, 200);
            statut = activee.json().path("statut").asString();
        }
        if ("SUSPENDUE".equals(statut)) {
            Reponse reprise = call("POST", "/api/adhesion/adhesions/" + id + "/reprise", jetonAcheteur, null);
            expect(reprise, 200);
            statut = reprise.json().path("statut").asString();
        }
        if (journal) {
            System.out.println("setup: beneficiary " + siren + ", adhésion " + id + " " + statut);
        }
        return siren;
    }
}
