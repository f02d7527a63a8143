package fr.centraleachat.marche.contrat;

import fr.centraleachat.contrat.MatriceAutorisations;
import fr.centraleachat.contrat.TableAttendue;
import fr.centraleachat.marche.MarcheApplication;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every operation of the OpenAPI document, as every principal, against contrat/matrice-autorisations.csv. */
@SpringBootTest(classes = MarcheApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
class MatriceAutorisationsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "marche-matrice-autorisations");
    }

    @LocalServerPort
    int port;

    @Test
    void answersEveryOperationAsTheTableSaysForEveryPrincipal() {
        MatriceAutorisations.pour("marche-service", "http://localhost:" + port)
                .jetons(Principaux.jetons())
                .table(TableAttendue.depuisRessource("contrat/matrice-autorisations.csv"))
                .preparation("ADMIN", "ACHETEUR")
                .exemples(Principaux.exemples())
                .identifiant("lot", "1")
                .identifiant("annee", String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .getYear() + 1))
                .identifiant("document", "1")
                .identifiant("question", "1")
                .executer()
                .verifier();
    }
}
