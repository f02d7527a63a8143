package fr.centraleachat.diffusion.webhook.web;

import fr.centraleachat.diffusion.webhook.application.ServiceAbonnements;
import fr.centraleachat.support.json.TexteFacultatif;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/diffusion/webhooks")
@Tag(name = "Webhooks", description = "Événements poussés par POST signé (HMAC-SHA256) vers un système d'information")
@RolesAutorises(value = Role.ADMIN, scopes = "events:read")
class WebhookController {

    private final ServiceAbonnements service;

    WebhookController(ServiceAbonnements service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Abonner une adresse aux événements (le secret de signature n'est donné qu'ici)",
            description = "Chaque événement est envoyé seul, au format CloudEvents JSON, avec les en-têtes "
                    + "Centrale-Webhook-Id (id de l'événement), Centrale-Webhook-Timestamp (secondes epoch) et "
                    + "Centrale-Webhook-Signature : v1=hex(HMAC-SHA256(secret, timestamp + \".\" + corps)). "
                    + "Une réponse 2xx vaut accusé de réception ; sinon nouvel essai (1 s, 2 s, 4 s… jusqu'à 5 min), "
                    + "et l'abonnement est suspendu après 10 échecs de suite. Livraison au moins une fois, dans "
                    + "l'ordre du journal : dédoublonner par id.")
    @ApiResponse(responseCode = "201", description = "Abonnement créé, avec son secret")
    ResponseEntity<AbonnementVue> creer(@Valid @RequestBody AbonnementRequetes.Creation requete, Acteur acteur) {
        AbonnementVue vue = AbonnementVue.avecSecret(service.creer(acteur, requete.url(), requete.types(),
                TexteFacultatif.de(requete.depuis())));
        return ResponseEntity.created(URI.create("/api/diffusion/webhooks/" + vue.id())).body(vue);
    }

    @GetMapping
    @Operation(summary = "Lister ses abonnements (tous pour un administrateur)")
    @ApiResponse(responseCode = "200", description = "Une page d'abonnements")
    PageVue<AbonnementVue> lister(@ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(acteur, page).map(AbonnementVue::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un abonnement : position, livraisons, échecs, dernière erreur")
    @ApiResponse(responseCode = "200", description = "L'abonnement")
    AbonnementVue lire(@PathVariable String id, Acteur acteur) {
        return AbonnementVue.de(service.lire(id, acteur));
    }

    @PostMapping("/{id}/reprise")
    @Operation(summary = "Reprendre un abonnement suspendu, ou rejouer les événements depuis un curseur")
    @ApiResponse(responseCode = "200", description = "Abonnement actif")
    AbonnementVue reprendre(@PathVariable String id, @Valid @RequestBody AbonnementRequetes.Reprise requete,
            Acteur acteur) {
        return AbonnementVue.de(service.reprendre(id, acteur, TexteFacultatif.de(requete.depuis())));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprimer un abonnement : plus aucune livraison")
    @ApiResponse(responseCode = "204", description = "Abonnement supprimé")
    ResponseEntity<Void> supprimer(@PathVariable String id, Acteur acteur) {
        service.supprimer(id, acteur);
        return ResponseEntity.noContent().build();
    }
}
