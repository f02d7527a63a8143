package fr.centraleachat.smoke;

import java.net.URI;
import java.time.Duration;

/**
 * Where the deployment is and who to sign in as.
 *
 * @param delaiVisibilite how long the catalogue may take to show a published consultation
 */
public record Parametres(URI passerelle, URI serveurAutorisation, String clientId, String redirectUri,
        Identifiants acheteur, Identifiants agentTalant, Identifiants agentDijon, Identifiants clientExterne,
        Duration delaiVisibilite, Identifiants fournisseur, Identifiants fournisseur2) {

    public record Identifiants(String identifiant, String secret) {

        static Identifiants depuis(String valeur) {
            int deuxPoints = valeur.indexOf(':');
            if (deuxPoints <= 0) {
                throw new IllegalArgumentException("expected user:password, got " + valeur);
            }
            return new Identifiants(valeur.substring(0, deuxPoints), valeur.substring(deuxPoints + 1));
        }
    }

    /** The demo accounts of the embedded default. */
    public static Parametres demo(URI passerelle, URI serveurAutorisation) {
        return new Parametres(passerelle, serveurAutorisation, "centrale-web", "http://127.0.0.1:8080/callback",
                new Identifiants("acheteur", "acheteur"), new Identifiants("agent.talant", "agent.talant"),
                new Identifiants("agent.dijon", "agent.dijon"),
                new Identifiants("systeme-externe", "systeme-externe-secret"), Duration.ofSeconds(1),
                new Identifiants("fournisseur", "fournisseur"), new Identifiants("fournisseur2", "fournisseur2"));
    }

    public static Parametres depuisArguments(String... arguments) {
        if (arguments.length < 2 || arguments[0].startsWith("--")) {
            throw new IllegalArgumentException(USAGE);
        }
        Parametres p = demo(URI.create(arguments[0]), URI.create(arguments[1]));
        for (int i = 2; i < arguments.length; i++) {
            String option = arguments[i];
            if (i + 1 >= arguments.length) {
                throw new IllegalArgumentException("missing value for " + option + "\n" + USAGE);
            }
            String valeur = arguments[++i];
            p = switch (option) {
                case "--acheteur" -> p.avec(Identifiants.depuis(valeur), p.agentTalant, p.agentDijon, p.clientExterne,
                        p.fournisseur, p.fournisseur2);
                case "--agent-talant" -> p.avec(p.acheteur, Identifiants.depuis(valeur), p.agentDijon, p.clientExterne,
                        p.fournisseur, p.fournisseur2);
                case "--agent-dijon" -> p.avec(p.acheteur, p.agentTalant, Identifiants.depuis(valeur), p.clientExterne,
                        p.fournisseur, p.fournisseur2);
                case "--client" -> p.avec(p.acheteur, p.agentTalant, p.agentDijon, Identifiants.depuis(valeur),
                        p.fournisseur, p.fournisseur2);
                case "--fournisseur" -> p.avec(p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne,
                        Identifiants.depuis(valeur), p.fournisseur2);
                case "--fournisseur2" -> p.avec(p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne,
                        p.fournisseur, Identifiants.depuis(valeur));
                case "--client-id" -> new Parametres(p.passerelle, p.serveurAutorisation, valeur, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2);
                case "--redirect-uri" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, valeur,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2);
                case "--visibility-ms" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, Duration.ofMillis(Long.parseLong(valeur)),
                        p.fournisseur, p.fournisseur2);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            };
        }
        return p;
    }

    private Parametres avec(Identifiants acheteur, Identifiants agentTalant, Identifiants agentDijon,
            Identifiants clientExterne, Identifiants fournisseur, Identifiants fournisseur2) {
        return new Parametres(passerelle, serveurAutorisation, clientId, redirectUri, acheteur, agentTalant, agentDijon,
                clientExterne, delaiVisibilite, fournisseur, fournisseur2);
    }

    public static final String USAGE = """
            usage: smoke.sh GATEWAY_URL AUTH_SERVER_URL [options]
              --acheteur USER:PASSWORD       purchasing officer (default acheteur:acheteur)
              --agent-talant USER:PASSWORD   agent of Talant (default agent.talant:agent.talant)
              --agent-dijon USER:PASSWORD    agent of Dijon (default agent.dijon:agent.dijon)
              --client ID:SECRET             client-credentials system (default systeme-externe:systeme-externe-secret)
              --fournisseur USER:PASSWORD    a supplier (default fournisseur:fournisseur)
              --fournisseur2 USER:PASSWORD   a second supplier (default fournisseur2:fournisseur2)
              --client-id ID                 public OAuth2 client used to sign in (default centrale-web)
              --redirect-uri URI             its registered redirect URI (default http://127.0.0.1:8080/callback)
              --visibility-ms N              max delay for the catalogue to show a publication (default 1000)""";
}
