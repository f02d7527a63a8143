package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.application.AdhesionDetaillee;
import fr.centraleachat.adhesion.adhesion.application.ServiceAdhesions;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import fr.centraleachat.adhesion.adhesion.domain.Motif;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/adhesion/adhesions")
@Tag(name = "Adhésions", description = "Adhésion des organismes membres à la centrale d'achat")
class AdhesionController {

    private final ServiceAdhesions service;

    AdhesionController(ServiceAdhesions service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Demander l'adhésion d'un membre (agent du membre, acheteur ou administrateur)")
    @ApiResponse(responseCode = "201", description = "Adhésion demandée (DEMANDEE)", headers = @Header(name = "Location",
            description = "Adresse de l'adhésion créée", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "Le membre a déjà une adhésion en cours",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<AdhesionVue> demander(@Valid @RequestBody DemandeAdhesionRequete requete, Acteur acteur) {
        AdhesionDetaillee detail = service.demander(requete.siren(), requete.famillesAchat(), requete.missions(), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/adhesions/" + detail.adhesion().id()))
                .body(AdhesionVue.de(detail));
    }

    @GetMapping
    @Operation(summary = "Lister les adhésions par page, dernière demande d'abord (un agent ne voit que celles de son organisme)")
    @ApiResponse(responseCode = "200", description = "Une page d'adhésions")
    PageVue<AdhesionVue> lister(@RequestParam Optional<Siren> siren, @RequestParam Optional<StatutAdhesion> statut,
            @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(siren, statut, page, acteur).map(AdhesionVue::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Consulter une adhésion")
    @ApiResponse(responseCode = "200", description = "L'adhésion, avec le changement prévu s'il y en a un")
    AdhesionVue consulter(@PathVariable UUID id, Acteur acteur) {
        return AdhesionVue.de(service.consulter(new AdhesionId(id), acteur));
    }

    @PostMapping("/{id}/deliberation")
    @Operation(summary = "Enregistrer la délibération du membre (DEMANDEE → DELIBEREE)")
    @ApiResponse(responseCode = "200", description = "Délibération enregistrée (DELIBEREE)")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AdhesionVue deliberation(@PathVariable UUID id, @Valid @RequestBody DeliberationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.enregistrerDeliberation(new AdhesionId(id),
                new Deliberation(requete.numero(), requete.date()), acteur));
    }

    @PostMapping("/{id}/activation")
    @Operation(summary = "Activer l'adhésion après signature de la convention (DELIBEREE → ACTIVE à la date d'effet)",
            description = "Si la date d'effet est passée ou aujourd'hui, l'adhésion devient ACTIVE ; sinon elle reste"
                    + " DELIBEREE et changementPrevu annonce l'activation, appliquée à cette date.")
    @ApiResponse(responseCode = "200", description = "Adhésion ACTIVE, ou activation prévue à la date d'effet")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AdhesionVue activation(@PathVariable UUID id, @Valid @RequestBody ActivationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.activer(new AdhesionId(id), requete.dateSignatureConvention(),
                requete.dateEffet(), acteur));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspendre l'adhésion (ACTIVE → SUSPENDUE)")
    @ApiResponse(responseCode = "200", description = "Adhésion SUSPENDUE")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AdhesionVue suspension(@PathVariable UUID id, @Valid @RequestBody SuspensionRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.suspendre(new AdhesionId(id), new Motif(requete.motif()), acteur));
    }

    @PostMapping("/{id}/reprise")
    @Operation(summary = "Reprendre une adhésion suspendue (SUSPENDUE → ACTIVE)")
    @ApiResponse(responseCode = "200", description = "Adhésion de nouveau ACTIVE")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AdhesionVue reprise(@PathVariable UUID id, Acteur acteur) {
        return AdhesionVue.de(service.reprendre(new AdhesionId(id), acteur));
    }

    @PostMapping("/{id}/resiliation")
    @Operation(summary = "Résilier l'adhésion (ACTIVE ou SUSPENDUE → RESILIEE à la date d'effet)",
            description = "Si la date d'effet est passée ou aujourd'hui, l'adhésion devient RESILIEE ; sinon elle garde"
                    + " son état et changementPrevu annonce la résiliation, appliquée à cette date.")
    @ApiResponse(responseCode = "200", description = "Adhésion RESILIEE, ou résiliation prévue à la date d'effet")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AdhesionVue resiliation(@PathVariable UUID id, @Valid @RequestBody ResiliationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.resilier(new AdhesionId(id), requete.dateEffet(), new Motif(requete.motif()),
                acteur));
    }
}
