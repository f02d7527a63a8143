package fr.centraleachat.catalogue.contrat;

import fr.centraleachat.contrat.ExemplesDeSchema;
import fr.centraleachat.support.test.JetonsDeTest;
import fr.centraleachat.support.test.PrincipauxDuContrat;
import java.util.Map;
import java.util.function.Supplier;

/** The callers of the contract tests, by the column names of contrat/matrice-autorisations.csv. */
final class Principaux {

    private Principaux() {
    }

    static Map<String, Supplier<String>> jetons() {
        return PrincipauxDuContrat.jetons("data:read");
    }

    static ExemplesDeSchema exemples() {
        return new ExemplesDeSchema().indice("beneficiaire", JetonsDeTest.SIREN_DIJON).indice("cpv", "30");
    }
}
