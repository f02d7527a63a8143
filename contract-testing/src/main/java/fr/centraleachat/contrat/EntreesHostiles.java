package fr.centraleachat.contrat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Sends every write operation of a service's OpenAPI document the {@link CorpusHostile} (and every read operation
 * hostile path and query parameters), each with a token the expected-status table lets through so that the request
 * reaches validation, and checks each answer: a 4xx problem+json, in time, and nothing changed — what the
 * service's parameterless reads return is the same before and after. Ends by checking the service is healthy.
 */
public final class EntreesHostiles {

    public static final String OPERATIONS = "operations";
    public static final String REQUETES = "requests";
    public static final String ERREURS_5XX = "5xx";
    public static final String NON_PROBLEME = "nonProblem";
    public static final String NON_4XX = "not4xx";
    public static final String CHANGEMENTS = "stateChanges";
    public static final String LENTES = "slow";

    private final String service;
    private final ClientHttp client;
    private final Map<String, Supplier<String>> jetons = new LinkedHashMap<>();
    private final Map<String, String> identifiants = new LinkedHashMap<>();
    private TableAttendue table;
    private List<String> preferes = List.of();
    private String lecteur;
    private ExemplesDeSchema exemples = new ExemplesDeSchema();
    private Duration lenteur = Duration.ofSeconds(2);
    private Runnable apresPreparation = () -> { };

    private EntreesHostiles(String service, String urlDeBase) {
        this.service = service;
        this.client = new ClientHttp(urlDeBase);
    }

    public static EntreesHostiles pour(String service, String urlDeBase) {
        return new EntreesHostiles(service, urlDeBase);
    }

    /** The principals' tokens, by the names the expected-status table uses. */
    public EntreesHostiles jetons(Map<String, Supplier<String>> parPrincipal) {
        jetons.putAll(parPrincipal);
        return this;
    }

    /** Each operation is called as the first of {@code preferes} the table lets through. */
    public EntreesHostiles autorisations(TableAttendue attendue, String... preferes) {
        this.table = attendue;
        this.preferes = List.of(preferes);
        return this;
    }

    /** The principal whose reads are compared before and after each request (one that sees everything). */
    public EntreesHostiles lecteur(String principal) {
        this.lecteur = principal;
        return this;
    }

    public EntreesHostiles exemples(ExemplesDeSchema valeurs) {
        this.exemples = valeurs;
        return this;
    }

    /** A real identifier (seed data) for a path parameter no POST of the document creates. */
    public EntreesHostiles identifiant(String parametre, String valeur) {
        identifiants.put(parametre, valeur);
        return this;
    }

    /** A request taking longer than this counts as a failure: parsing any input must stay cheap. */
    public EntreesHostiles lenteur(Duration maximum) {
        this.lenteur = maximum;
        return this;
    }

    /**
     * Runs once the resources are created, before the reads whose answers are compared around each write: a service
     * that derives state asynchronously from a creation (e.g. an audit journal fed by its own events) waits there
     * until that state has settled, so that it is not taken for a change made by a hostile request.
     */
    public EntreesHostiles apresPreparation(Runnable attente) {
        this.apresPreparation = Objects.requireNonNull(attente);
        return this;
    }

    public Bilan executer() {
        Objects.requireNonNull(lecteur, "lecteur");
        Bilan bilan = new Bilan("EntreesHostiles " + service, OPERATIONS, "writes", REQUETES, ERREURS_5XX,
                NON_PROBLEME, NON_4XX, CHANGEMENTS, LENTES);
        DocumentOpenApi document = DocumentOpenApi.telecharger(client);
        document.enregistrer(java.nio.file.Path.of("target", "contrat", service + "-openapi.json"));
        Ressources ressources = new Ressources(document, client, exemples, identifiants, jeton(lecteur));
        ressources.creer(operation -> jeton(principal(operation, bilan)).get());
        ressources.origines().forEach((collection, origine) -> bilan.noter(collection + ": " + origine));
        apresPreparation.run();
        Map<String, String> avant = etat(document, ressources);
        for (OperationApi operation : document.operations()) {
            List<CasPrepare> cas = preparer(operation, ressources);
            if (cas.isEmpty()) {
                continue;
            }
            bilan.compter(OPERATIONS);
            if (operation.estEcriture()) {
                bilan.compter("writes");
            }
            Supplier<String> jeton = jeton(principal(operation, bilan));
            for (CasPrepare c : cas) {
                Requete requete = c.requete().avecJeton(jeton.get());
                if (operation.methode().equals("POST")) {
                    requete = requete.avecEntete("Idempotency-Key", UUID.randomUUID().toString());
                }
                requete = c.entetes().entrySet().stream().reduce(requete,
                        (r, e) -> r.avecEntete(e.getKey(), e.getValue()), (a, b) -> b);
                ClientHttp.Reponse reponse = client.envoyer(requete);
                bilan.compter(REQUETES);
                juger(bilan, operation, c.nom(), reponse);
                if (operation.estEcriture()) {
                    Map<String, String> apres = etat(document, ressources);
                    if (!apres.equals(avant)) {
                        bilan.compter(CHANGEMENTS);
                        bilan.echec("state change", operation.cle() + " [" + c.nom() + "] → " + reponse
                                + " changed " + differences(avant, apres));
                        avant = apres;
                    }
                }
            }
        }
        verifierSante(bilan);
        return bilan.imprimer();
    }

    private void juger(Bilan bilan, OperationApi operation, String cas, ClientHttp.Reponse reponse) {
        String ou = operation.cle() + " [" + cas + "] → " + reponse;
        if (reponse.statut() == 0) {
            bilan.compter(ERREURS_5XX);
            bilan.echec("no answer", ou);
            return;
        }
        if (reponse.statut() >= 500) {
            bilan.compter(ERREURS_5XX);
            bilan.echec("5xx", ou);
        } else if (reponse.statut() < 400) {
            bilan.compter(NON_4XX);
            bilan.echec("accepted", ou);
        }
        if (!reponse.estProbleme()) {
            bilan.compter(NON_PROBLEME);
            bilan.echec("not problem+json", ou);
        }
        if (reponse.duree().compareTo(lenteur) > 0) {
            bilan.compter(LENTES);
            bilan.echec("slow", ou);
        }
    }

    /** A request of the corpus; {@code entetes} are set last, over the defaults (token, Idempotency-Key). */
    private record CasPrepare(String nom, Requete requete, Map<String, String> entetes) {

        CasPrepare(String nom, Requete requete) {
            this(nom, requete, Map.of());
        }
    }

    private List<CasPrepare> preparer(OperationApi operation, Ressources ressources) {
        List<CasPrepare> cas = new ArrayList<>();
        String chemin = ressources.chemin(operation);
        if (operation.estEcriture()) {
            if (operation.prendUnCorps()) {
                JsonNode schema = operation.schemaCorps().get();
                for (CorpusHostile.Cas c : CorpusHostile.pourCorps(exemples.exemple(schema), schema)) {
                    cas.add(new CasPrepare(c.nom(), Requete.de(operation.methode(), chemin).avecCorps(c.corps(), c.typeContenu())));
                }
            } else if (operation.typesCorps().stream().anyMatch(t -> t.startsWith("multipart/"))) {
                for (CorpusHostile.Cas c : CorpusHostile.pourMultipart()) {
                    cas.add(new CasPrepare(c.nom(), Requete.de(operation.methode(), chemin).avecCorps(c.corps(), c.typeContenu())));
                }
            } else {
                for (CorpusHostile.Cas c : CorpusHostile.pourSansCorps()) {
                    cas.add(new CasPrepare(c.nom(), Requete.de(operation.methode(), chemin).avecCorps(c.corps(), c.typeContenu())));
                }
            }
        }
        String corpsValide = operation.prendUnCorps() ? exemples.exemple(operation.schemaCorps().get()).toString() : null;
        for (OperationApi.ParametreApi p : operation.parametresDeChemin()) {
            CorpusHostile.valeursDeCheminHostiles().forEach((nom, valeur) -> {
                Requete r = Requete.de(operation.methode(), ressources.cheminAvec(operation, p.nom(), valeur));
                cas.add(new CasPrepare("path " + p.nom() + ": " + nom,
                        corpsValide == null ? r : r.avecCorps(corpsValide, CorpusHostile.JSON)));
            });
        }
        for (OperationApi.ParametreApi p : operation.parametres()) {
            if (!p.emplacement().equals("query")) {
                continue;
            }
            CorpusHostile.valeursDeRequeteHostiles(p.schema()).forEach((nom, valeur) -> {
                Requete r = Requete.de(operation.methode(), avecRequete(chemin, p.nom(), valeur));
                cas.add(new CasPrepare("query " + p.nom() + ": " + nom,
                        corpsValide == null ? r : r.avecCorps(corpsValide, CorpusHostile.JSON)));
            });
        }
        for (OperationApi.ParametreApi p : operation.parametres()) {
            if (!p.emplacement().equals("header")) {
                continue;
            }
            CorpusHostile.valeursDEnteteHostiles().forEach((nom, valeur) -> {
                Requete r = Requete.de(operation.methode(), chemin);
                cas.add(new CasPrepare("header " + p.nom() + ": " + nom,
                        corpsValide == null ? r : r.avecCorps(corpsValide, CorpusHostile.JSON), Map.of(p.nom(), valeur)));
            });
        }
        return cas;
    }

    private static String avecRequete(String chemin, String nom, String valeur) {
        String encode = nom + "=" + URLEncoder.encode(valeur, StandardCharsets.UTF_8);
        int debut = chemin.indexOf('?');
        if (debut < 0) {
            return chemin + "?" + encode;
        }
        List<String> autres = new ArrayList<>();
        for (String paire : chemin.substring(debut + 1).split("&")) {
            if (!paire.startsWith(nom + "=")) {
                autres.add(paire);
            }
        }
        autres.add(encode);
        return chemin.substring(0, debut) + "?" + String.join("&", autres);
    }

    /** What every read without required parameters answers the reader: the state compared around each write. */
    private Map<String, String> etat(DocumentOpenApi document, Ressources ressources) {
        Map<String, String> etat = new LinkedHashMap<>();
        for (OperationApi lecture : document.lectures()) {
            if (!lecture.parametresRequisDeRequete().isEmpty()) {
                continue;
            }
            String chemin = ressources.chemin(lecture);
            ClientHttp.Reponse reponse = client.envoyer(Requete.get(chemin).avecJeton(jeton(lecteur).get()));
            // A refusal's body carries its correlation id: only a success's content is state.
            etat.put(chemin, reponse.statut() / 100 == 2 ? reponse.statut() + " " + reponse.corps()
                    : String.valueOf(reponse.statut()));
        }
        return etat;
    }

    private static String differences(Map<String, String> avant, Map<String, String> apres) {
        List<String> changees = new ArrayList<>();
        apres.forEach((chemin, valeur) -> {
            if (!valeur.equals(avant.get(chemin))) {
                changees.add("GET " + chemin + " (now " + extrait(valeur) + ")");
            }
        });
        return String.join(", ", changees);
    }

    private static String extrait(String texte) {
        return texte.length() <= 200 ? texte : texte.substring(0, 200) + "…";
    }

    private void verifierSante(Bilan bilan) {
        ClientHttp.Reponse sante = client.envoyer(Requete.get("/actuator/health"));
        if (sante.statut() != 200 || !sante.corps().contains("\"UP\"")) {
            bilan.echec("unhealthy after the run", "GET /actuator/health → " + sante);
        }
        bilan.noter("GET /actuator/health after the run → " + sante.statut() + " " + sante.extrait());
    }

    private String principal(OperationApi operation, Bilan bilan) {
        if (table != null) {
            var autorise = table.premierAutorise(operation, preferes);
            if (autorise.isPresent()) {
                return autorise.get();
            }
        }
        String defaut = preferes.isEmpty() ? lecteur : preferes.get(0);
        bilan.noter(operation.cle() + ": no allowed principal in the table, called as " + defaut);
        return defaut;
    }

    private Supplier<String> jeton(String principal) {
        Supplier<String> jeton = jetons.get(principal);
        if (jeton == null) {
            throw new IllegalArgumentException("No token for principal " + principal + "; known: " + jetons.keySet());
        }
        return jeton;
    }
}
