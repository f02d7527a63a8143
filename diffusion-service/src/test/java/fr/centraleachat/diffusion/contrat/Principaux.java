package fr.centraleachat.diffusion.contrat;

import fr.centraleachat.contrat.ExemplesDeSchema;
import fr.centraleachat.contrat.JetonsForges;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.support.test.JetonsDeTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The callers of the contract tests, by the column names of contrat/matrice-autorisations.csv. */
final class Principaux {

    static final String AUDIENCE = "centrale-api";

    private Principaux() {
    }

    static Map<String, Supplier<String>> jetons() {
        Map<String, Supplier<String>> jetons = new LinkedHashMap<>();
        jetons.put("anonyme", () -> null);
        jetons.put("jeton-expire", () -> JetonsDeTest.expire("admin", List.of("ADMIN")));
        jetons.put("mauvaise-cle", () -> JetonsForges.signeParUneAutreCle(JetonsDeTest.ISSUER, AUDIENCE, "test",
                List.of("ADMIN", "ACHETEUR")));
        jetons.put("alg-none", () -> JetonsForges.algNone(JetonsDeTest.ISSUER, AUDIENCE, List.of("ADMIN", "ACHETEUR")));
        jetons.put("autre-emetteur", () -> JetonsDeTest.autreEmetteur("admin", List.of("ADMIN", "ACHETEUR")));
        jetons.put("sans-role", () -> JetonsDeTest.jeton("sans-role", List.of(), null, null));
        jetons.put("ACHETEUR", JetonsDeTest::acheteur);
        jetons.put("AGENT", () -> JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON));
        jetons.put("agent-autre-membre", () -> JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT));
        jetons.put("FOURNISSEUR", JetonsDeTest::fournisseur);
        jetons.put("ADMIN", JetonsDeTest::admin);
        jetons.put("client", () -> JetonsDeTest.client("systeme-externe", "events:read"));
        return jetons;
    }

    static ExemplesDeSchema exemples() {
        // A subscription's address, and the cursor of the journal's start (a valid one in any journal).
        return new ExemplesDeSchema().indice("url", "https://si.example.fr/centrale/evenements")
                .indice("depuis", Curseur.DEBUT.texte());
    }
}
