package fr.centraleachat.smoke;

import java.net.URI;
import java.time.Duration;

/**
 * Where the deployment is and who to sign in as.
 *
 * @param delaiVisibilite how long the catalogue may take to show a published consultation
 * @param kafka the broker's bootstrap address, to read the published events as another system would; null to
 *              skip that step (a deployment whose broker is not reachable from where the flow runs)
 * @param courriels the mail store of the embedded infrastructure ({@code GET /courriels}), to find the mails the
 *                  centrale sent; null to skip that step (a deployment with a real mail server)
 */
public record Parametres(URI passerelle, URI serveurAutorisation, String clientId, String redirectUri,
        Identifiants acheteur, Identifiants agentTalant, Identifiants agentDijon, Identifiants clientExterne,
        Duration delaiVisibilite, Identifiants fournisseur, Identifiants fournisseur2, String kafka, URI courriels) {

    public record Identifiants(String identifiant, String secret) {

        static Identifiants depuis(String valeur) {
            int deuxPoints = valeur.indexOf(':');
            if (deuxPoints <= 0) {
                throw new IllegalArgumentException("expected user:password, got " + valeur);
            }
            return new Identifiants(valeur.substring(0, deuxPoints), valeur.substring(deuxPoints + 1));
        }
    }

    /** The demo accounts of the embedded default, whose broker listens on port 9092 of the gateway's host. */
    public static Parametres demo(URI passerelle, URI serveurAutorisation) {
        return new Parametres(passerelle, serveurAutorisation, "centrale-web", "http://127.0.0.1:8080/callback",
                new Identifiants("acheteur", "acheteur"), new Identifiants("agent.talant", "agent.talant"),
                new Identifiants("agent.dijon", "agent.dijon"),
                new Identifiants("systeme-externe", "systeme-externe-secret"), Duration.ofSeconds(1),
                new Identifiants("fournisseur", "fournisseur"), new Identifiants("fournisseur2", "fournisseur2"),
                passerelle.getHost() + ":9092", URI.create("http://" + passerelle.getHost() + ":8090"));
    }

    /** The same, reading the events from another broker address ({@code null}: not at all). */
    public Parametres avecKafka(String bootstrap) {
        return new Parametres(passerelle, serveurAutorisation, clientId, redirectUri, acheteur, agentTalant, agentDijon,
                clientExterne, delaiVisibilite, fournisseur, fournisseur2, bootstrap, courriels);
    }

    /** The same, finding the sent mails in another mail store ({@code null}: not at all). */
    public Parametres avecCourriels(URI magasin) {
        return new Parametres(passerelle, serveurAutorisation, clientId, redirectUri, acheteur, agentTalant, agentDijon,
                clientExterne, delaiVisibilite, fournisseur, fournisseur2, kafka, magasin);
    }

    private static final java.util.Set<String> OPTIONS_DE_COMPTE = java.util.Set.of("--acheteur", "--agent-talant",
            "--agent-dijon", "--client", "--fournisseur", "--fournisseur2");

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
            Identifiants compte = OPTIONS_DE_COMPTE.contains(option) ? Identifiants.depuis(valeur) : null;
            p = switch (option) {
                case "--acheteur" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        compte, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--agent-talant" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, compte, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--agent-dijon" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, compte, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--client" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, compte, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--fournisseur" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, compte,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--fournisseur2" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        compte, p.kafka, p.courriels);
                case "--client-id" -> new Parametres(p.passerelle, p.serveurAutorisation, valeur, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--redirect-uri" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, valeur,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, p.delaiVisibilite, p.fournisseur,
                        p.fournisseur2, p.kafka, p.courriels);
                case "--visibility-ms" -> new Parametres(p.passerelle, p.serveurAutorisation, p.clientId, p.redirectUri,
                        p.acheteur, p.agentTalant, p.agentDijon, p.clientExterne, Duration.ofMillis(Long.parseLong(valeur)),
                        p.fournisseur, p.fournisseur2, p.kafka, p.courriels);
                case "--kafka" -> p.avecKafka(valeur.equals("none") ? null : valeur);
                case "--courriels" -> p.avecCourriels(valeur.equals("none") ? null : URI.create(valeur));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            };
        }
        return p;
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
              --visibility-ms N              max delay for the catalogue to show a publication (default 1000)
              --kafka HOST:PORT|none         broker to read the published events from (default GATEWAY_HOST:9092)
              --courriels URL|none           mail store of the embedded infrastructure, to find the sent mails
                                             (default http://GATEWAY_HOST:8090)""";
}
