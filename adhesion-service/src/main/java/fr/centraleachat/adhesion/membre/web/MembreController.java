package fr.centraleachat.adhesion.membre.web;

import fr.centraleachat.adhesion.membre.application.ServiceMembres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.Siren;
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
import java.net.URI;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/adhesion/membres")
@Tag(name = "Membres", description = "Organismes publics pouvant adhérer à la centrale")
class MembreController {

    private final ServiceMembres service;

    MembreController(ServiceMembres service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Enregistrer un organisme membre (administrateur)")
    @ApiResponse(responseCode = "201", description = "Membre enregistré", headers = @Header(name = "Location",
            description = "Adresse du membre créé", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "Un membre de ce SIREN est déjà enregistré",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ADMIN})
    ResponseEntity<MembreVue> enregistrer(@Valid @RequestBody MembreRequete requete, Acteur acteur) {
        Membre membre = service.enregistrer(requete.siren(), requete.nom(), requete.type(),
                Optional.ofNullable(requete.codeInsee()), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/membres/" + membre.siren()))
                .body(MembreVue.de(membre));
    }

    @GetMapping
    @Operation(summary = "Lister les organismes membres par page, par ordre alphabétique français, éventuellement par type")
    @ApiResponse(responseCode = "200", description = "Une page de membres")
    PageVue<MembreVue> lister(@RequestParam Optional<TypeMembre> type, @ParameterObject @Valid PageDemandee page) {
        return service.lister(type, page).map(MembreVue::de);
    }

    @GetMapping("/{siren}")
    @Operation(summary = "Consulter un organisme membre par son SIREN")
    @ApiResponse(responseCode = "200", description = "Le membre")
    MembreVue consulter(@PathVariable Siren siren) {
        return MembreVue.de(service.consulter(siren));
    }
}
