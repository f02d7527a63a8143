package fr.centraleachat.contrat;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an OpenAPI document: method, path template, its parameters and, when it takes one, the schema
 * of its JSON body ({@code $ref}s already resolved by {@link DocumentOpenApi#resoudre}).
 */
public record OperationApi(String methode, String chemin, String operationId, List<ParametreApi> parametres,
        Optional<JsonNode> schemaCorps, List<String> typesCorps) {

    public OperationApi {
        methode = methode.toUpperCase(java.util.Locale.ROOT);
        parametres = List.copyOf(parametres);
        typesCorps = List.copyOf(typesCorps);
    }

    /** The key of this operation in the expected-status tables: {@code POST /api/x/{id}/y}. */
    public String cle() {
        return methode + " " + chemin;
    }

    public boolean estEcriture() {
        return switch (methode) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    public boolean prendUnCorps() {
        return schemaCorps.isPresent();
    }

    public List<ParametreApi> parametresDeChemin() {
        return parametres.stream().filter(p -> p.emplacement().equals("path")).toList();
    }

    public List<ParametreApi> parametresRequisDeRequete() {
        return parametres.stream().filter(p -> p.emplacement().equals("query") && p.requis()).toList();
    }

    @Override
    public String toString() {
        return cle();
    }

    public record ParametreApi(String nom, String emplacement, boolean requis, JsonNode schema) {
    }
}
