package fr.centraleachat.support.operations;

import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents on every operation the errors the platform answers whatever the endpoint (problem+json, in French),
 * and the roles {@link RolesAutorises} lets through, so that the OpenAPI documents say what the services really do.
 */
final class DocumentationErreurs implements OperationCustomizer {

    static final String SCHEMA_PROBLEME = "Probleme";

    static void ajouterSchema(Components composants) {
        Schema<?> erreurChamp = new ObjectSchema().addProperty("champ", new StringSchema())
                .addProperty("message", new StringSchema());
        composants.addSchemas(SCHEMA_PROBLEME, new ObjectSchema()
                .description("Problème RFC 9457, en français")
                .addProperty("type", new StringSchema().example("urn:centrale-achat:probleme:requete-invalide"))
                .addProperty("title", new StringSchema().example("Requête invalide"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("La requête contient des champs invalides."))
                .addProperty("correlationId", new StringSchema())
                .addProperty("erreurs", new io.swagger.v3.oas.models.media.ArraySchema().items(erreurChamp)));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod methode) {
        boolean ecriture = Arrays.stream(methode.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class));
        Map<HttpStatus, String> erreurs = new LinkedHashMap<>();
        erreurs.put(HttpStatus.BAD_REQUEST, "Requête invalide : messages par champ dans « erreurs »");
        erreurs.put(HttpStatus.UNAUTHORIZED, "Jeton absent, expiré ou invalide");
        erreurs.put(HttpStatus.FORBIDDEN, "Rôle ou membre non autorisé");
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            erreurs.put(HttpStatus.NOT_FOUND, "Ressource introuvable");
        }
        if (!methode.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class)) {
            erreurs.put(HttpStatus.CONFLICT, "Opération impossible dans l'état actuel, ou modification concurrente");
        }
        if (ecriture) {
            erreurs.put(HttpStatus.CONTENT_TOO_LARGE, "Corps de requête trop volumineux");
            erreurs.put(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Le corps doit être en application/json");
        }
        boolean post = methode.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class);
        if (post) {
            erreurs.put(HttpStatus.UNPROCESSABLE_CONTENT, "Clé Idempotency-Key déjà utilisée pour une autre requête");
            documenterIdempotence(operation);
        }
        erreurs.put(HttpStatus.TOO_MANY_REQUESTS, "Trop de requêtes (passerelle) : voir l'en-tête Retry-After");
        erreurs.put(HttpStatus.SERVICE_UNAVAILABLE, "Service momentanément indisponible (passerelle)");
        erreurs.put(HttpStatus.GATEWAY_TIMEOUT, "Pas de réponse à temps (passerelle) : pour une écriture, "
                + "l'opération a pu être effectuée, vérifiez avant de recommencer");
        ApiResponses reponses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        erreurs.forEach((statut, description) -> reponses.computeIfAbsent(String.valueOf(statut.value()),
                code -> probleme(statut, description)));
        operation.setResponses(reponses);
        RolesAutorises roles = methode.getMethodAnnotation(RolesAutorises.class);
        if (roles == null) {
            roles = methode.getBeanType().getAnnotation(RolesAutorises.class);
        }
        if (roles != null) {
            String texte = "Rôles autorisés : " + Arrays.stream(roles.value()).map(Role::name)
                    .collect(Collectors.joining(", ")) + ".";
            operation.setDescription(operation.getDescription() == null ? texte : operation.getDescription() + "\n\n" + texte);
        }
        return operation;
    }

    /** Every POST takes an optional Idempotency-Key (see the idempotence support). */
    private static void documenterIdempotence(Operation operation) {
        operation.addParametersItem(new io.swagger.v3.oas.models.parameters.HeaderParameter()
                .name("Idempotency-Key").required(false)
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"))
                .example("6f1c2e0a-3b7d-4c55-9a51-1f0d2b7e8c90")
                .description("Facultatif. Une requête renvoyée avec la même clé (par le même appelant, dans les "
                        + "24 h) reçoit la réponse de la première sans rien refaire (en-tête Idempotency-Replayed: "
                        + "true) ; la même clé avec une autre requête est refusée (422) ; pendant que la première "
                        + "est en cours, 409 avec Retry-After. Seules les réponses 2xx sont conservées."));
    }

    private static ApiResponse probleme(HttpStatus statut, String description) {
        MediaType type = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA_PROBLEME))
                .addExamples(String.valueOf(statut.value()), new Example().value(Map.of(
                        "type", "urn:centrale-achat:probleme:" + statut.value(),
                        "title", fr.centraleachat.support.web.Problemes.titre(statut),
                        "status", statut.value(),
                        "detail", fr.centraleachat.support.web.Problemes.detail(statut))));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, type));
    }
}
