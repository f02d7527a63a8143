package fr.centraleachat.catalogue.contrat;

import fr.centraleachat.contrat.MatriceAutorisations;
import fr.centraleachat.contrat.TableAttendue;
import fr.centraleachat.catalogue.CatalogueApplication;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every operation of the OpenAPI document, as every principal, against contrat/matrice-autorisations.csv. */
@SpringBootTest(classes = CatalogueApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({JetonsDeTest.Configuration.class, TarifSeme.class})
class MatriceAutorisationsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "catalogue-matrice-autorisations");
    }

    @LocalServerPort
    int port;

    @Autowired
    TarifSeme semis;

    @Test
    void answersEveryOperationAsTheTableSaysForEveryPrincipal() throws Exception {
        // The search answers from this instance's index: built, with the seeded list, before the first call.
        semis.semerEtIndexer();
        MatriceAutorisations.pour("catalogue-service", "http://localhost:" + port)
                .jetons(Principaux.jetons())
                .table(TableAttendue.depuisRessource("contrat/matrice-autorisations.csv"))
                .preparation("ADMIN", "ACHETEUR")
                .exemples(Principaux.exemples())
                .identifiant("siren", JetonsDeTest.SIREN_DIJON)
                .identifiant("numero", TarifSeme.NUMERO)
                .identifiant("version", "1")
                .executer()
                .verifier();
    }
}
