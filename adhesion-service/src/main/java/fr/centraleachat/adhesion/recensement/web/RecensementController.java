package fr.centraleachat.adhesion.recensement.web;

import fr.centraleachat.adhesion.recensement.application.OuvertureRecensement;
import fr.centraleachat.adhesion.recensement.application.RecensementDetaille;
import fr.centraleachat.adhesion.recensement.application.ServiceRecensements;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.adhesion.recensement.domain.StatutRecensement;
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
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/adhesion/recensements")
@Tag(name = "Recensements des besoins", description = "Besoins des membres par lot avant un achat mutualisé")
class RecensementController {

    private final ServiceRecensements service;

    RecensementController(ServiceRecensements service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Ouvrir un recensement des besoins (acheteur ou administrateur)")
    @ApiResponse(responseCode = "201", description = "Recensement OUVERT", headers = @Header(name = "Location",
            description = "Adresse du recensement créé", schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<RecensementVue> ouvrir(@Valid @RequestBody OuvertureRequete requete, Acteur acteur) {
        RecensementDetaille detail = service.ouvrir(new OuvertureRecensement(requete.objet(), requete.familleAchat(),
                requete.nature(), requete.cpvPrincipal(), requete.versLots(), requete.membresInvites(),
                requete.dateCloture()), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/recensements/" + detail.recensement().id()))
                .body(RecensementVue.de(detail));
    }

    @GetMapping
    @Operation(summary = "Lister les recensements, dernier ouvert d'abord (un agent ne voit que ceux où son"
            + " organisme est invité)")
    @ApiResponse(responseCode = "200", description = "Une page de recensements")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    PageVue<RecensementVue> lister(@RequestParam Optional<StatutRecensement> statut,
            @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(statut, page, acteur).map(RecensementVue::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Consulter un recensement (le personnel voit le suivi des réponses et la consolidation)")
    @ApiResponse(responseCode = "200", description = "Le recensement")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    RecensementVue consulter(@PathVariable UUID id, Acteur acteur) {
        return RecensementVue.de(service.consulter(new RecensementId(id), acteur));
    }

    @PutMapping("/{id}/declarations/{siren}")
    @Operation(summary = "Déclarer les besoins d'un membre invité, une réponse par lot (remplace la précédente)")
    @ApiResponse(responseCode = "200", description = "La déclaration enregistrée, avec sa révision")
    @ApiResponse(responseCode = "409", description = "Recensement clos, ou membre non invité",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    DeclarationVue declarer(@PathVariable UUID id, @PathVariable Siren siren,
            @Valid @RequestBody DeclarationRequete requete, Acteur acteur) {
        return DeclarationVue.de(service.declarer(new RecensementId(id), siren, requete.versBesoins(), acteur));
    }

    @GetMapping("/{id}/declarations/{siren}")
    @Operation(summary = "Consulter la déclaration d'un membre (son agent, ou le personnel)")
    @ApiResponse(responseCode = "200", description = "La déclaration ; 404 si le membre n'a pas encore répondu")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    DeclarationVue declaration(@PathVariable UUID id, @PathVariable Siren siren, Acteur acteur) {
        return DeclarationVue.de(service.declaration(new RecensementId(id), siren, acteur));
    }

    @PostMapping("/{id}/cloture")
    @Operation(summary = "Clore le recensement maintenant et consolider les besoins (OUVERT → CLOS)")
    @ApiResponse(responseCode = "200", description = "Recensement CLOS avec sa consolidation")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    RecensementVue cloturer(@PathVariable UUID id, Acteur acteur) {
        return RecensementVue.de(service.cloturer(new RecensementId(id), acteur));
    }

    @PostMapping("/{id}/relances")
    @Operation(summary = "Relancer les membres invités qui n'ont pas répondu")
    @ApiResponse(responseCode = "200", description = "Les membres relancés")
    @ApiResponse(responseCode = "409", description = "Recensement clos, ou tous les membres ont répondu",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    RelanceVue relancer(@PathVariable UUID id, Acteur acteur) {
        return new RelanceVue(id.toString(), service.relancer(new RecensementId(id), acteur).stream()
                .map(m -> new RelanceVue.MembreRelanceVue(m.siren().valeur(), m.nom())).toList());
    }
}
