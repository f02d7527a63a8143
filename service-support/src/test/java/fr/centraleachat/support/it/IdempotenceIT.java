package fr.centraleachat.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Idempotency-Key on POST: a retry gets the first answer and creates nothing more. */
@SpringBootTest(classes = ApplicationDeTest.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=support-idempotence-it", "centrale.outbox.collections=adhesions",
            "centrale.url-publique=https://centrale.example", "centrale.limites.corps-max=64KB"})
@Import(JetonsDeTest.Configuration.class)
class IdempotenceIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "support-idempotence-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void retryWithSameKeyGetsTheFirstAnswerAndCreatesNothingMore() throws Exception {
        String cle = UUID.randomUUID().toString();
        HttpResponse<String> premiere = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Papier A4\"}", "");
        HttpResponse<String> seconde = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Papier A4\"}", "");

        assertThat(premiere.statusCode()).as(premiere.body()).isEqualTo(201);
        assertThat(seconde.statusCode()).isEqualTo(201);
        assertThat(seconde.body()).isEqualTo(premiere.body());
        assertThat(seconde.headers().firstValue("Location")).isEqualTo(premiere.headers().firstValue("Location"))
                .get().asString().startsWith("https://centrale.example/api/test/commandes/");
        assertThat(seconde.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(premiere.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(seconde.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(commandesNommees("Papier A4")).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused422AndCreatesNothing() throws Exception {
        String cle = UUID.randomUUID().toString();
        assertThat(commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Toner\"}", "").statusCode()).isEqualTo(201);

        HttpResponse<String> autre = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Agrafes\"}", "");

        assertThat(autre.statusCode()).isEqualTo(422);
        assertThat(autre.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(autre.body()).contains("Idempotency-Key").contains("correlationId");
        assertThat(commandesNommees("Agrafes")).isZero();
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String cle = UUID.randomUUID().toString();
        HttpResponse<String> acheteur = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Chaises\"}", "");
        HttpResponse<String> agent = commander(JetonsDeTest.agent("212106173"), cle, "{\"nom\":\"Chaises\"}", "");

        assertThat(acheteur.statusCode()).isEqualTo(201);
        assertThat(agent.statusCode()).isEqualTo(201);
        assertThat(agent.headers().firstValue("Location")).isNotEqualTo(acheteur.headers().firstValue("Location"));
        assertThat(commandesNommees("Chaises")).isEqualTo(2);
    }

    @Test
    void refusedRequestFreesItsKeySoTheCorrectedOneGoesThrough() throws Exception {
        String cle = UUID.randomUUID().toString();
        HttpResponse<String> refusee = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"\"}", "");
        HttpResponse<String> corrigee = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Cartouches\"}", "");

        assertThat(refusee.statusCode()).isEqualTo(400);
        assertThat(corrigee.statusCode()).as(corrigee.body()).isEqualTo(201);
        assertThat(corrigee.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(commandesNommees("Cartouches")).isEqualTo(1);
    }

    @Test
    void retryWhileTheFirstRunsIsAnswered409AndOnlyOneIsCreated() throws Exception {
        String cle = UUID.randomUUID().toString();
        Query enCours = Query.query(Criteria.where("statut").is("EN_COURS"));
        long avant = mongo.count(enCours, "idempotence");
        CompletableFuture<HttpResponse<String>> premiere = CompletableFuture.supplyAsync(
                () -> commanderSansErreur(cle, "{\"nom\":\"Bureaux\"}", "?attente=1500"));
        // The retry must arrive while the first request holds the key: wait for its reservation, not for a fixed time
        // that a loaded machine may not honour.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(
                java.time.Duration.ofMillis(20)).until(() -> mongo.count(enCours, "idempotence") > avant);
        HttpResponse<String> pendant = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Bureaux\"}", "?attente=1500");

        assertThat(pendant.statusCode()).isEqualTo(409);
        assertThat(pendant.headers().firstValue("Retry-After")).contains("1");
        assertThat(premiere.get().statusCode()).isEqualTo(201);
        HttpResponse<String> apres = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Bureaux\"}", "?attente=1500");
        assertThat(apres.statusCode()).isEqualTo(201);
        assertThat(apres.body()).isEqualTo(premiere.get().body());
        assertThat(commandesNommees("Bureaux")).isEqualTo(1);
    }

    @Test
    void malformedKeyIsRefused400BeforeAnythingIsDone() throws Exception {
        for (String cle : List.of("x".repeat(256), "deux mots")) {
            HttpResponse<String> reponse = commander(JetonsDeTest.acheteur(), cle, "{\"nom\":\"Lampes\"}", "");
            assertThat(reponse.statusCode()).as(cle).isEqualTo(400);
            assertThat(reponse.body()).contains("\"champ\":\"Idempotency-Key\"");
        }
        assertThat(commandesNommees("Lampes")).isZero();
    }

    @Test
    void callerWithoutTheRoleIsRefused403WithoutAKeyBeingTaken() throws Exception {
        String cle = UUID.randomUUID().toString();
        long clesAvant = mongo.count(new Query(), "idempotence");
        HttpResponse<String> fournisseur = commander(JetonsDeTest.fournisseur(), cle, "{\"nom\":\"Tables\"}", "");

        assertThat(fournisseur.statusCode()).isEqualTo(403);
        assertThat(mongo.count(new Query(), "idempotence")).isEqualTo(clesAvant);
        assertThat(commandesNommees("Tables")).isZero();
    }

    private long commandesNommees(String nom) {
        return mongo.count(Query.query(Criteria.where("nom").is(nom)), "commandes");
    }

    private HttpResponse<String> commanderSansErreur(String cle, String corps, String requete) {
        try {
            return commander(JetonsDeTest.acheteur(), cle, corps, requete);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> commander(String jeton, String cle, String corps, String requete) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/test/commandes" + requete))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + jeton)
                .header("Idempotency-Key", cle)
                .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
