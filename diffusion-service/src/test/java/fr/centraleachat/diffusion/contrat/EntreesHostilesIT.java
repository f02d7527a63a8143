package fr.centraleachat.diffusion.contrat;

import fr.centraleachat.contrat.EntreesHostiles;
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

/** Every operation of the OpenAPI document against the hostile-input corpus: refused, unchanged, still up. */
@SpringBootTest(classes = DiffusionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JetonsDeTest.Configuration.class)
class EntreesHostilesIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "diffusion-entrees-hostiles");
    }

    @LocalServerPort
    int port;

    @Test
    void refusesEveryHostileInputWithAProblemAndChangesNothing() {
        EntreesHostiles.pour("diffusion-service", "http://localhost:" + port)
                .jetons(Principaux.jetons())
                .autorisations(TableAttendue.depuisRessource("contrat/matrice-autorisations.csv"),
                        "ACHETEUR", "ADMIN", "AGENT", "FOURNISSEUR", "client")
                .lecteur("client")
                .exemples(Principaux.exemples())
                .executer()
                .verifier();
    }
}
