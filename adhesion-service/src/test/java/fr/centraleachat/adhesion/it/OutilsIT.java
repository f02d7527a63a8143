package fr.centraleachat.adhesion.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls, member registration and event reading shared by the recensement and groupement scenarios. */
final class OutilsIT {

    static final String TOPIC = "centrale.adhesion.v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    OutilsIT(int port) {
        this.port = port;
    }

    Reponse appeler(String methode, String chemin, String jeton, String corps) throws Exception {
        var requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + chemin))
                .method(methode, corps == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(corps));
        if (corps != null) {
            requete.header("Content-Type", "application/json");
        }
        if (jeton != null) {
            requete.header("Authorization", "Bearer " + jeton);
        }
        HttpResponse<String> reponse = http.send(requete.build(), HttpResponse.BodyHandlers.ofString());
        return new Reponse(reponse.statusCode(), reponse.body(), json);
    }

    /** Registers a member of this type with a random SIREN; returns the SIREN. */
    String enregistrerMembre(String type, String nom) throws Exception {
        String siren = sirenAleatoire();
        Reponse reponse = appeler("POST", "/api/adhesion/membres", JetonsDeTest.admin(),
                "{\"siren\":\"" + siren + "\",\"nom\":\"" + nom + "\",\"type\":\"" + type + "\"}");
        assertThat(reponse.statut()).as(reponse.corps()).isEqualTo(201);
        return siren;
    }

    /** A Luhn-valid SIREN outside the seeded range. */
    static String sirenAleatoire() {
        String base = "9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        for (int cle = 0; cle < 10; cle++) {
            if (Siren.estValide(base + cle)) {
                return base + cle;
            }
        }
        throw new IllegalStateException();
    }

    /** The events published under this key, waiting until at least {@code attendus} came. */
    List<ConsumerRecord<String, byte[]>> evenementsDe(String cle, int attendus) {
        List<ConsumerRecord<String, byte[]>> recus = new ArrayList<>();
        try (var consommateur = consommateur()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consommateur.poll(Duration.ofMillis(500))) {
                    if (cle.equals(record.key())) {
                        recus.add(record);
                    }
                }
                return recus.size() >= attendus;
            });
        }
        return recus;
    }

    /** Types of the events published for this key within {@code duree}. */
    List<String> typesPublies(String cle, Duration duree) {
        List<String> types = new ArrayList<>();
        try (var consommateur = consommateur()) {
            long fin = System.nanoTime() + duree.toNanos();
            while (System.nanoTime() < fin) {
                for (var record : consommateur.poll(Duration.ofMillis(300))) {
                    if (cle.equals(record.key())) {
                        types.add(type(record));
                    }
                }
            }
        }
        return types;
    }

    JsonNode donnees(ConsumerRecord<String, byte[]> record) {
        return json.readTree(record.value());
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        var entete = record.headers().lastHeader("ce_type");
        return entete == null ? null : new String(entete.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consommateur() {
        var consommateur = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureDeTest.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lecteur-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        consommateur.subscribe(List.of(TOPIC));
        return consommateur;
    }

    record Reponse(int statut, String corps, JsonMapper mappeur) {

        JsonNode json() {
            return mappeur.readTree(corps);
        }
    }
}
