package fr.centraleachat.contrat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real identifiers for the path parameters, so that a request reaches the resource rather than a 404: first one
 * created through the collection's POST with a valid sample, then a value the test names (seed data), then the
 * first item the collection's GET lists, and only then a random value.
 */
public final class Ressources {

    private static final Pattern PARAMETRE = Pattern.compile("\\{([^}]+)}");

    private final DocumentOpenApi document;
    private final ClientHttp client;
    private final ExemplesDeSchema exemples;
    private final Map<String, String> connus;
    private final Supplier<String> jetonDeLecture;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Collection path → identifier of a resource created in it. */
    private final Map<String, String> creees = new LinkedHashMap<>();
    private final Map<String, String> origines = new LinkedHashMap<>();

    public Ressources(DocumentOpenApi document, ClientHttp client, ExemplesDeSchema exemples,
            Map<String, String> connus, Supplier<String> jetonDeLecture) {
        this.document = document;
        this.client = client;
        this.exemples = exemples;
        this.connus = Map.copyOf(connus);
        this.jetonDeLecture = jetonDeLecture;
    }

    /**
     * Creates one resource in each collection that has items addressed by an identifier, with the token the
     * function gives for the creating operation.
     */
    public void creer(Function<OperationApi, String> jetonPour) {
        for (OperationApi operation : document.operations()) {
            if (!operation.methode().equals("POST") || !operation.parametresDeChemin().isEmpty()
                    || operation.schemaCorps().isEmpty()) {
                continue;
            }
            Optional<String> parametre = parametreDesElements(operation.chemin());
            if (parametre.isEmpty()) {
                continue;
            }
            JsonNode corps = exemples.exemple(operation.schemaCorps().get());
            ClientHttp.Reponse reponse = client.envoyer(Requete.de("POST", operation.chemin())
                    .avecJeton(jetonPour.apply(operation)).avecCorps(corps.toString(), CorpusHostile.JSON)
                    .avecEntete("Idempotency-Key", UUID.randomUUID().toString()));
            if (reponse.statut() / 100 != 2) {
                origines.put(operation.chemin(), "not created (" + reponse + ")");
                continue;
            }
            identifiantCree(parametre.get(), reponse).ifPresent(id -> {
                creees.put(operation.chemin(), id);
                origines.put(operation.chemin(), "created " + id);
            });
        }
    }

    /** The operation's path with every parameter replaced, and its required query parameters from samples. */
    public String chemin(OperationApi operation) {
        String chemin = cheminSansRequete(operation);
        List<String> requete = new ArrayList<>();
        for (OperationApi.ParametreApi p : operation.parametresRequisDeRequete()) {
            JsonNode valeur = exemples.aUnIndice(p.nom()) ? exemples.indice(p.nom()) : exemples.exemple(p.schema());
            requete.add(p.nom() + "=" + URLEncoder.encode(valeur.isString() ? valeur.asString() : valeur.toString(),
                    StandardCharsets.UTF_8));
        }
        return requete.isEmpty() ? chemin : chemin + "?" + String.join("&", requete);
    }

    /** The path with one parameter given a raw (already encoded) value, the others resolved. */
    public String cheminAvec(OperationApi operation, String parametre, String valeurBrute) {
        return construire(operation, parametre, valeurBrute);
    }

    private String cheminSansRequete(OperationApi operation) {
        return construire(operation, null, null);
    }

    private String construire(OperationApi operation, String parametreBrut, String valeurBrute) {
        String modele = operation.chemin();
        Matcher m = PARAMETRE.matcher(modele);
        StringBuilder resultat = new StringBuilder();
        while (m.find()) {
            String nom = m.group(1);
            String valeur = nom.equals(parametreBrut) ? valeurBrute
                    : URLEncoder.encode(valeur(modele.substring(0, m.start() - 1), nom, operation), StandardCharsets.UTF_8);
            m.appendReplacement(resultat, Matcher.quoteReplacement(valeur));
        }
        m.appendTail(resultat);
        return resultat.toString();
    }

    /** Where each collection's identifier came from, for the run's report. */
    public Map<String, String> origines() {
        return origines;
    }

    private String valeur(String collection, String nom, OperationApi operation) {
        if (creees.containsKey(collection)) {
            return creees.get(collection);
        }
        if (connus.containsKey(nom)) {
            return connus.get(nom);
        }
        Optional<String> liste = premierListe(collection, nom);
        if (liste.isPresent()) {
            creees.put(collection, liste.get());
            origines.put(collection, "listed " + liste.get());
            return liste.get();
        }
        JsonNode schema = operation.parametresDeChemin().stream().filter(p -> p.nom().equals(nom)).findFirst()
                .map(OperationApi.ParametreApi::schema).orElse(null);
        String aleatoire = schema != null && schema.path("format").asString("").equals("uuid")
                ? UUID.randomUUID().toString() : "inconnu" + UUID.randomUUID().toString().substring(0, 8);
        creees.put(collection, aleatoire);
        origines.put(collection, "random " + aleatoire);
        return aleatoire;
    }

    private Optional<String> premierListe(String collection, String nom) {
        boolean listable = document.lectures().stream().anyMatch(o -> o.chemin().equals(collection)
                && o.parametresRequisDeRequete().isEmpty());
        if (!listable) {
            return Optional.empty();
        }
        // A nested collection (/plans/{annee}/besoins) is listed only when its own parameters are known values.
        Matcher parametres = PARAMETRE.matcher(collection);
        StringBuilder adresse = new StringBuilder();
        while (parametres.find()) {
            String connu = connus.get(parametres.group(1));
            if (connu == null) {
                return Optional.empty();
            }
            parametres.appendReplacement(adresse, Matcher.quoteReplacement(URLEncoder.encode(connu,
                    StandardCharsets.UTF_8)));
        }
        parametres.appendTail(adresse);
        ClientHttp.Reponse reponse = client.envoyer(Requete.get(adresse.toString()).avecJeton(jetonDeLecture.get()));
        if (reponse.statut() != 200) {
            return Optional.empty();
        }
        JsonNode elements = premierTableau(json.readTree(reponse.corps()));
        if (elements == null || elements.isEmpty()) {
            return Optional.empty();
        }
        JsonNode premier = elements.get(0);
        JsonNode valeur = premier.has(nom) ? premier.get(nom) : premier.get("id");
        return valeur == null || !valeur.isValueNode() ? Optional.empty() : Optional.of(valeur.asString());
    }

    /** A list answer is an array, or a page object holding one. */
    private static JsonNode premierTableau(JsonNode noeud) {
        if (noeud.isArray()) {
            return noeud;
        }
        for (JsonNode valeur : noeud) {
            if (valeur.isArray()) {
                return valeur;
            }
        }
        return null;
    }

    private Optional<String> parametreDesElements(String collection) {
        return document.operations().stream().map(OperationApi::chemin)
                .filter(c -> c.startsWith(collection + "/{"))
                .map(c -> c.substring(collection.length() + 2, c.indexOf('}', collection.length())))
                .findFirst();
    }

    private Optional<String> identifiantCree(String parametre, ClientHttp.Reponse reponse) {
        try {
            JsonNode corps = json.readTree(reponse.corps());
            for (String champ : List.of(parametre, "id")) {
                if (corps.has(champ) && corps.get(champ).isValueNode()) {
                    return Optional.of(corps.get(champ).asString());
                }
            }
        } catch (RuntimeException illisible) {
            // Fall back on the Location header.
        }
        return reponse.location().map(l -> l.substring(l.lastIndexOf('/') + 1));
    }
}
