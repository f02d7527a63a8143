package fr.centraleachat.marche.contrat;

import static org.awaitility.Awaitility.await;

import fr.centraleachat.contrat.EntreesHostiles;
import fr.centraleachat.contrat.TableAttendue;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every operation of the OpenAPI document against the hostile-input corpus: refused, unchanged, still up. */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Its own consumer group: the journal it waits for must not be consumed by another test's context.
        properties = "spring.kafka.consumer.group-id=marche-entrees-hostiles")
@Import(JetonsDeTest.Configuration.class)
class EntreesHostilesIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-entrees-hostiles");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void refusesEveryHostileInputWithAProblemAndChangesNothing() {
        EntreesHostiles.pour("marche-service", "http://localhost:" + port)
                .jetons(Principaux.jetons())
                .autorisations(TableAttendue.depuisRessource("contrat/matrice-autorisations.csv"),
                        "ACHETEUR", "ADMIN", "AGENT", "FOURNISSEUR", "client")
                .lecteur("ADMIN")
                .exemples(Principaux.exemples())
                .identifiant("lot", "1")
                .identifiant("annee", String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .getYear() + 1))
                .apresPreparation(this::journalAJour)
                .identifiant("document", "1")
                .identifiant("question", "1")
                .executer()
                .verifier();
    }

    /**
     * The journal of the consultation the run creates gets its first entry through Kafka: wait for it, so that the
     * reads compared around each hostile write start from a settled journal.
     */
    private void journalAJour() {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findAll(Document.class, "consultations").stream()
                .allMatch(consultation -> mongo.exists(Query.query(Criteria.where("consultationId")
                        .is(consultation.get("_id"))), "journal")));
    }
}
