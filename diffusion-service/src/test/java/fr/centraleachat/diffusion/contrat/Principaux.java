package fr.centraleachat.diffusion.contrat;

import fr.centraleachat.contrat.ExemplesDeSchema;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.support.test.PrincipauxDuContrat;
import java.util.Map;
import java.util.function.Supplier;

/** The callers of the contract tests, by the column names of contrat/matrice-autorisations.csv. */
final class Principaux {

    private Principaux() {
    }

    static Map<String, Supplier<String>> jetons() {
        return PrincipauxDuContrat.jetons("events:read");
    }

    static ExemplesDeSchema exemples() {
        // A subscription's address, and the cursor of the journal's start (a valid one in any journal).
        return new ExemplesDeSchema().indice("url", "https://si.example.fr/centrale/evenements")
                .indice("depuis", Curseur.DEBUT.texte());
    }
}
