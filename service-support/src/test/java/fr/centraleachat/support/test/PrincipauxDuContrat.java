package fr.centraleachat.support.test;

import fr.centraleachat.contrat.JetonsForges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The callers of every service's contract tests ({@code MatriceAutorisationsIT}, {@code EntreesHostilesIT}), by the
 * column names of its {@code contrat/matrice-autorisations.csv}: no token, broken tokens, a token without role, each
 * role, an agent of another member, and a client-credentials system with the scope the service grants it.
 */
public final class PrincipauxDuContrat {

    private PrincipauxDuContrat() {
    }

    public static Map<String, Supplier<String>> jetons(String scopeDuClient) {
        Map<String, Supplier<String>> jetons = new LinkedHashMap<>();
        jetons.put("anonyme", () -> null);
        jetons.put("jeton-expire", () -> JetonsDeTest.expire("admin", List.of("ADMIN")));
        jetons.put("mauvaise-cle", () -> JetonsForges.signeParUneAutreCle(JetonsDeTest.ISSUER, JetonsDeTest.AUDIENCE,
                "test", List.of("ADMIN", "ACHETEUR")));
        jetons.put("alg-none", () -> JetonsForges.algNone(JetonsDeTest.ISSUER, JetonsDeTest.AUDIENCE,
                List.of("ADMIN", "ACHETEUR")));
        jetons.put("autre-emetteur", () -> JetonsDeTest.autreEmetteur("admin", List.of("ADMIN", "ACHETEUR")));
        jetons.put("sans-role", () -> JetonsDeTest.jeton("sans-role", List.of(), null, null));
        jetons.put("ACHETEUR", JetonsDeTest::acheteur);
        jetons.put("AGENT", () -> JetonsDeTest.agent(JetonsDeTest.SIREN_DIJON));
        jetons.put("agent-autre-membre", () -> JetonsDeTest.agent(JetonsDeTest.SIREN_TALANT));
        jetons.put("FOURNISSEUR", JetonsDeTest::fournisseur);
        jetons.put("ADMIN", JetonsDeTest::admin);
        jetons.put("client", () -> JetonsDeTest.client("systeme-externe", scopeDuClient));
        return jetons;
    }
}
