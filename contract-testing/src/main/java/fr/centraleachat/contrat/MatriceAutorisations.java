package fr.centraleachat.contrat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Calls every operation of a service's OpenAPI document as every principal (no token, forged and expired tokens,
 * each role, an agent of another member, a client-credentials client...) and compares each status with the
 * expected-status table kept in the repository. An operation the table does not list fails the run, with the
 * lines to add; a success where the table expects a refusal (401, 403, or a 404 hiding a resource) is a leak.
 * <p>
 * Reads run first, on the resources as created (a draft stays a draft), then writes, each principal in the
 * table's column order; a write's allowed principals are usually written {@code granted} in the table, since its
 * business answer (200, 409...) depends on the calls before it.
 */
public final class MatriceAutorisations {

    public static final String OPERATIONS = "operations";
    public static final String CAS = "cases";
    public static final String FUITES = "leaks";
    public static final String ECARTS = "mismatches";
    public static final String ERREURS_5XX = "5xx";

    private final String service;
    private final ClientHttp client;
    private final Map<String, Supplier<String>> jetons = new LinkedHashMap<>();
    private final Map<String, String> identifiants = new LinkedHashMap<>();
    private TableAttendue table;
    private String lecteur;
    private String createur;
    private ExemplesDeSchema exemples = new ExemplesDeSchema();

    private MatriceAutorisations(String service, String urlDeBase) {
        this.service = service;
        this.client = new ClientHttp(urlDeBase);
    }

    public static MatriceAutorisations pour(String service, String urlDeBase) {
        return new MatriceAutorisations(service, urlDeBase);
    }

    /** Tokens by principal, in the table's column names; a supplier answering null sends no token. */
    public MatriceAutorisations jetons(Map<String, Supplier<String>> parPrincipal) {
        jetons.putAll(parPrincipal);
        return this;
    }

    public MatriceAutorisations table(TableAttendue attendue) {
        this.table = attendue;
        return this;
    }

    /** Who lists collections to find identifiers, and who creates the resources the calls address. */
    public MatriceAutorisations preparation(String principalLecteur, String principalCreateur) {
        this.lecteur = principalLecteur;
        this.createur = principalCreateur;
        return this;
    }

    public MatriceAutorisations exemples(ExemplesDeSchema valeurs) {
        this.exemples = valeurs;
        return this;
    }

    public MatriceAutorisations identifiant(String parametre, String valeur) {
        identifiants.put(parametre, valeur);
        return this;
    }

    public Bilan executer() {
        Bilan bilan = new Bilan("MatriceAutorisations " + service, OPERATIONS, CAS, FUITES, ECARTS, ERREURS_5XX);
        List<String> colonnes = table.principaux();
        List<String> sansJeton = colonnes.stream().filter(p -> !jetons.containsKey(p)).toList();
        if (!sansJeton.isEmpty()) {
            throw new IllegalArgumentException("The table names principals the test gives no token for: " + sansJeton);
        }
        List<String> horsTable = jetons.keySet().stream().filter(p -> !colonnes.contains(p)).toList();
        if (!horsTable.isEmpty()) {
            bilan.echec("table", "principals missing from the table's columns: " + horsTable);
        }
        DocumentOpenApi document = DocumentOpenApi.telecharger(client);
        document.enregistrer(java.nio.file.Path.of("target", "contrat", service + "-openapi.json"));
        Ressources ressources = new Ressources(document, client, exemples, identifiants, jetons.get(lecteur));
        ressources.creer(operation -> jetons.get(table.premierAutorise(operation, List.of(createur, "ADMIN"))
                .orElse(createur)).get());
        ressources.origines().forEach((collection, origine) -> bilan.noter(collection + ": " + origine));

        List<OperationApi> ordre = new ArrayList<>(document.lectures());
        document.operations().stream().filter(o -> !o.methode().equals("GET")).forEach(ordre::add);
        List<String> manquantes = new ArrayList<>();
        for (OperationApi operation : ordre) {
            bilan.compter(OPERATIONS);
            List<String> observes = new ArrayList<>();
            for (String principal : colonnes) {
                ClientHttp.Reponse reponse = appeler(operation, ressources, jetons.get(principal).get());
                bilan.compter(CAS);
                observes.add(String.valueOf(reponse.statut()));
                String ou = operation.cle() + " as " + principal + " → " + reponse;
                if (reponse.statut() >= 500 || reponse.statut() == 0) {
                    bilan.compter(ERREURS_5XX);
                }
                var attendu = table.attendu(operation, principal);
                if (attendu.isEmpty()) {
                    continue;
                }
                if (!attendu.get().accepte(reponse.statut())) {
                    boolean fuite = attendu.get().refuseTout() && reponse.statut() / 100 == 2;
                    bilan.compter(fuite ? FUITES : ECARTS);
                    bilan.echec(fuite ? "leak" : "mismatch", ou + " (expected " + attendu.get() + ")");
                } else if (reponse.statut() >= 400 && !reponse.estProbleme()) {
                    bilan.compter(ECARTS);
                    bilan.echec("not problem+json", ou);
                }
            }
            if (!table.contient(operation)) {
                manquantes.add(operation.cle() + ";" + String.join(";", colonnes.stream().map(c -> "?").toList())
                        + "   # observed: " + String.join(";", observes));
            }
        }
        if (!manquantes.isEmpty()) {
            bilan.echec("missing from the table", manquantes.size() + " operation(s) of the OpenAPI document have no"
                    + " line; add, with the statuses the role rules require (columns " + String.join(";", colonnes)
                    + "):\n    " + String.join("\n    ", manquantes));
        }
        List<String> cles = document.operations().stream().map(OperationApi::cle).toList();
        table.operations().stream().filter(o -> !cles.contains(o)).forEach(o ->
                bilan.echec("stale table line", o + " is not in the OpenAPI document any more"));
        return bilan.imprimer();
    }

    private ClientHttp.Reponse appeler(OperationApi operation, Ressources ressources, String jeton) {
        Requete requete = Requete.de(operation.methode(), ressources.chemin(operation)).avecJeton(jeton);
        if (operation.prendUnCorps()) {
            requete = requete.avecCorps(exemples.exemple(operation.schemaCorps().get()).toString(), CorpusHostile.JSON);
        } else if (operation.typesCorps().stream().anyMatch(t -> t.startsWith("multipart/"))) {
            // An upload reaches its endpoint (and so its role check) only with a multipart content type.
            requete = requete.avecCorps("--matrice\r\nContent-Disposition: form-data; name=\"vide\"\r\n\r\n\r\n"
                    + "--matrice--\r\n", "multipart/form-data; boundary=matrice");
        }
        if (operation.methode().equals("POST")) {
            requete = requete.avecEntete("Idempotency-Key", UUID.randomUUID().toString());
        }
        return client.envoyer(requete);
    }
}
