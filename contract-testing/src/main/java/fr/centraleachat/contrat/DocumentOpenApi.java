package fr.centraleachat.contrat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document, read from {@code /v3/api-docs}: the operations it declares are what the contract
 * tests check, so an endpoint added later is covered without anyone listing it.
 */
public final class DocumentOpenApi {

    private static final List<String> METHODES = List.of("get", "post", "put", "patch", "delete");
    /** A schema nested deeper than this is cut: only recursive schemas go that far. */
    private static final int PROFONDEUR_MAX = 12;

    private final JsonNode document;
    private final List<OperationApi> operations;

    private DocumentOpenApi(JsonNode document) {
        this.document = document;
        this.operations = lireOperations();
    }

    public static DocumentOpenApi depuis(String json) {
        return new DocumentOpenApi(JsonMapper.builder().build().readTree(json));
    }

    /** Fetches the document of the service at {@code urlDeBase}. */
    public static DocumentOpenApi telecharger(ClientHttp client) {
        ClientHttp.Reponse reponse = client.envoyer(Requete.get("/v3/api-docs"));
        if (reponse.statut() != 200) {
            throw new IllegalStateException("GET /v3/api-docs answered " + reponse.statut() + ": " + reponse.extrait());
        }
        DocumentOpenApi lu = depuis(reponse.corps());
        if (lu.operations.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document declares no operation: " + reponse.extrait());
        }
        return lu;
    }

    /** Keeps the document a run checked next to the build's reports, for whoever reads a failure. */
    public void enregistrer(java.nio.file.Path fichier) {
        try {
            java.nio.file.Files.createDirectories(fichier.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(fichier, document.toPrettyString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every operation, sorted by path then method, so that runs and reports are in a stable order. */
    public List<OperationApi> operations() {
        return operations;
    }

    public List<OperationApi> ecritures() {
        return operations.stream().filter(OperationApi::estEcriture).toList();
    }

    public List<OperationApi> lectures() {
        return operations.stream().filter(o -> o.methode().equals("GET")).toList();
    }

    /** The schema with every {@code $ref} replaced by its target, recursive references cut at a fixed depth. */
    public JsonNode resoudre(JsonNode schema) {
        return resoudre(schema, 0);
    }

    private JsonNode resoudre(JsonNode schema, int profondeur) {
        if (schema == null || !schema.isObject()) {
            return schema;
        }
        if (profondeur > PROFONDEUR_MAX) {
            return JsonMapper.builder().build().createObjectNode();
        }
        JsonNode cible = schema;
        if (schema.has("$ref")) {
            cible = reference(schema.get("$ref").asString());
        }
        ObjectNode copie = ((ObjectNode) cible).deepCopy();
        for (Map.Entry<String, JsonNode> champ : new ArrayList<>(copie.properties())) {
            String nom = champ.getKey();
            JsonNode valeur = champ.getValue();
            switch (nom) {
                case "properties" -> {
                    ObjectNode proprietes = copie.putObject("properties");
                    for (Map.Entry<String, JsonNode> p : valeur.properties()) {
                        proprietes.set(p.getKey(), resoudre(p.getValue(), profondeur + 1));
                    }
                }
                case "items", "additionalProperties" -> copie.set(nom, resoudre(valeur, profondeur + 1));
                case "allOf", "oneOf", "anyOf" -> {
                    var liste = copie.putArray(nom);
                    valeur.forEach(v -> liste.add(resoudre(v, profondeur + 1)));
                }
                default -> {
                }
            }
        }
        if (copie.has("allOf")) {
            // Merged into one object schema: springdoc uses allOf for a $ref with a description.
            ObjectNode fusion = copie.deepCopy();
            fusion.remove("allOf");
            for (JsonNode partie : copie.get("allOf")) {
                partie.properties().forEach(e -> {
                    if (e.getKey().equals("properties") && fusion.has("properties")) {
                        ((ObjectNode) fusion.get("properties")).setAll((ObjectNode) e.getValue());
                    } else if (e.getKey().equals("required") && fusion.has("required")) {
                        ((tools.jackson.databind.node.ArrayNode) fusion.get("required")).addAll(
                                (tools.jackson.databind.node.ArrayNode) e.getValue());
                    } else if (!fusion.has(e.getKey())) {
                        fusion.set(e.getKey(), e.getValue());
                    }
                });
            }
            return fusion;
        }
        return copie;
    }

    private JsonNode reference(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("External reference not supported: " + ref);
        }
        JsonNode noeud = document;
        for (String segment : ref.substring(2).split("/")) {
            noeud = noeud.path(segment.replace("~1", "/").replace("~0", "~"));
        }
        if (noeud.isMissingNode()) {
            throw new IllegalStateException("Unresolved reference " + ref);
        }
        return noeud;
    }

    private List<OperationApi> lireOperations() {
        List<OperationApi> lues = new ArrayList<>();
        for (Map.Entry<String, JsonNode> chemin : document.path("paths").properties()) {
            JsonNode item = chemin.getValue();
            List<OperationApi.ParametreApi> communs = parametres(item.path("parameters"));
            for (String methode : METHODES) {
                JsonNode operation = item.get(methode);
                if (operation == null) {
                    continue;
                }
                List<OperationApi.ParametreApi> parametres = new ArrayList<>(communs);
                parametres.addAll(parametres(operation.path("parameters")));
                Optional<JsonNode> schema = Optional.empty();
                List<String> types = new ArrayList<>();
                JsonNode contenu = operation.path("requestBody").path("content");
                for (Map.Entry<String, JsonNode> type : contenu.properties()) {
                    types.add(type.getKey());
                    if (schema.isEmpty() && type.getKey().contains("json")) {
                        schema = Optional.ofNullable(resoudre(type.getValue().get("schema")));
                    }
                }
                lues.add(new OperationApi(methode, chemin.getKey(), operation.path("operationId").asString(""),
                        parametres, schema, types));
            }
        }
        lues.sort(Comparator.comparing(OperationApi::chemin).thenComparing(o -> METHODES.indexOf(o.methode().toLowerCase())));
        return List.copyOf(lues);
    }

    private List<OperationApi.ParametreApi> parametres(JsonNode liste) {
        List<OperationApi.ParametreApi> parametres = new ArrayList<>();
        for (JsonNode p : liste) {
            JsonNode parametre = p.has("$ref") ? reference(p.get("$ref").asString()) : p;
            parametres.add(new OperationApi.ParametreApi(parametre.path("name").asString(),
                    parametre.path("in").asString(), parametre.path("required").asBoolean(false),
                    resoudre(parametre.get("schema"))));
        }
        return parametres;
    }
}
