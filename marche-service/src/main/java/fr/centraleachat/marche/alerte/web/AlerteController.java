package fr.centraleachat.marche.alerte.web;

import fr.centraleachat.marche.alerte.application.ServiceAlertes;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** A supplier's alert profiles: each supplier reads and changes its own only. */
@RestController
@RequestMapping(path = "/api/marche/alertes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alertes", description = "Profils d'alerte des fournisseurs : chaque consultation publiée ou rectifiée"
        + " qui correspond à un profil lui est envoyée par courriel, avec l'avis et le lien du DCE")
class AlerteController {

    private final ServiceAlertes service;

    AlerteController(ServiceAlertes service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Créer un profil d'alerte (fournisseur, 10 au plus)")
    @ApiResponse(responseCode = "201", description = "Profil créé", headers = @Header(name = "Location",
            description = "Adresse du profil", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "Profil invalide, ou déjà 10 profils",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.FOURNISSEUR})
    ResponseEntity<ProfilAlerteVue> creer(
            @Validated(ProfilAlerteRequete.Ordre.class) @RequestBody ProfilAlerteRequete requete, Acteur acteur,
            UriComponentsBuilder uri) {
        ProfilAlerteVue vue = ProfilAlerteVue.de(service.creer(requete.versContenu(), acteur));
        return ResponseEntity.created(uri.path("/api/marche/alertes/{id}").buildAndExpand(vue.id()).toUri())
                .body(vue);
    }

    @GetMapping
    @Operation(summary = "Lister ses profils d'alerte, dans l'ordre de création (fournisseur)")
    @ApiResponse(responseCode = "200", description = "Une page de profils")
    @RolesAutorises({Role.FOURNISSEUR})
    PageVue<ProfilAlerteVue> lister(@ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(page, acteur).map(ProfilAlerteVue::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire un de ses profils d'alerte (fournisseur ; celui d'un autre est introuvable)")
    @ApiResponse(responseCode = "200", description = "Le profil")
    @RolesAutorises({Role.FOURNISSEUR})
    ProfilAlerteVue consulter(@PathVariable String id, Acteur acteur) {
        return ProfilAlerteVue.de(service.consulter(id, acteur));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Remplacer le contenu d'un de ses profils d'alerte (fournisseur)")
    @ApiResponse(responseCode = "200", description = "Profil modifié")
    @RolesAutorises({Role.FOURNISSEUR})
    ProfilAlerteVue modifier(@PathVariable String id,
            @Validated(ProfilAlerteRequete.Ordre.class) @RequestBody ProfilAlerteRequete requete, Acteur acteur) {
        return ProfilAlerteVue.de(service.modifier(id, requete.versContenu(), acteur));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprimer un de ses profils d'alerte (fournisseur)")
    @ApiResponse(responseCode = "204", description = "Profil supprimé")
    @RolesAutorises({Role.FOURNISSEUR})
    ResponseEntity<Void> supprimer(@PathVariable String id, Acteur acteur) {
        service.supprimer(id, acteur);
        return ResponseEntity.noContent().build();
    }
}
