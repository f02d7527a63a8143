package fr.centraleachat.diffusion.contrat;

import fr.centraleachat.contrat.MatriceAutorisations;
import fr.centraleachat.contrat.TableAttendue;
import fr.centraleachat.diffusion.DiffusionApplication;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every operation of the OpenAPI document, as every principal, against contrat/matrice-autorisations.csv. */
@SpringBootTest(classes = DiffusionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
class MatriceAutorisationsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "diffusion-matrice-autorisations");
    }

    @LocalServerPort
    int port;

    @Test
    void answersEveryOperationAsTheTableSaysForEveryPrincipal() {
        MatriceAutorisations.pour("diffusion-service", "http://localhost:" + port)
                .jetons(Principaux.jetons())
                .table(TableAttendue.depuisRessource("contrat/matrice-autorisations.csv"))
                .preparation("client", "client")
                .exemples(Principaux.exemples())
                .executer()
                .verifier();
    }
}
