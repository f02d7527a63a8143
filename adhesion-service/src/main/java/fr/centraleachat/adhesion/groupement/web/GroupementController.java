package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.adhesion.groupement.application.GroupementDetaille;
import fr.centraleachat.adhesion.groupement.application.ServiceGroupements;
import fr.centraleachat.adhesion.groupement.domain.Approbation;
import fr.centraleachat.adhesion.groupement.domain.GroupementId;
import fr.centraleachat.adhesion.groupement.domain.StatutGroupement;
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
@RequestMapping("/api/adhesion/groupements")
@Tag(name = "Groupements de commandes", description = "Conventions constitutives, approbations des membres, constitution")
class GroupementController {

    private final ServiceGroupements service;

    GroupementController(ServiceGroupements service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Créer un groupement de commandes (acheteur ou administrateur)")
    @ApiResponse(responseCode = "201", description = "Groupement EN_CONSTITUTION", headers = @Header(name = "Location",
            description = "Adresse du groupement créé", schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<GroupementVue> creer(@Valid @RequestBody CreationGroupementRequete requete, Acteur acteur) {
        GroupementDetaille detail = service.creer(requete.objet(), requete.coordonnateur(), requete.missions(),
                requete.commissionAppelOffres(), requete.repartitionFrais(), requete.membres(), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/groupements/" + detail.groupement().id()))
                .body(GroupementVue.de(detail));
    }

    @GetMapping
    @Operation(summary = "Lister les groupements (un agent ne voit que ceux dont son organisme est membre)")
    @ApiResponse(responseCode = "200", description = "Une page de groupements")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    PageVue<GroupementVue> lister(@RequestParam Optional<StatutGroupement> statut,
            @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(statut, page, acteur).map(GroupementVue::de);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Consulter un groupement")
    @ApiResponse(responseCode = "200", description = "Le groupement, ses membres et leurs approbations")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    GroupementVue consulter(@PathVariable UUID id, Acteur acteur) {
        return GroupementVue.de(service.consulter(new GroupementId(id), acteur));
    }

    @PostMapping("/{id}/membres")
    @Operation(summary = "Ajouter un membre (EN_CONSTITUTION ou CONSTITUE) ; il devra approuver la convention")
    @ApiResponse(responseCode = "200", description = "Membre ajouté")
    @ApiResponse(responseCode = "409", description = "Groupement dissous, ou déjà membre",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    GroupementVue ajouterMembre(@PathVariable UUID id, @Valid @RequestBody SirenMembreRequete requete, Acteur acteur) {
        return GroupementVue.de(service.ajouterMembre(new GroupementId(id), requete.siren(), acteur));
    }

    @PostMapping("/{id}/approbations")
    @Operation(summary = "Enregistrer l'approbation de la convention par un membre (son agent, ou le personnel)",
            description = "La dernière approbation attendue constitue le groupement (CONSTITUE).")
    @ApiResponse(responseCode = "200", description = "Approbation enregistrée")
    @ApiResponse(responseCode = "409", description = "Déjà approuvé, non membre, ou groupement dissous",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    GroupementVue approuver(@PathVariable UUID id, @Valid @RequestBody ApprobationRequete requete, Acteur acteur) {
        return GroupementVue.de(service.approuver(new GroupementId(id), requete.siren(),
                new Approbation(requete.numeroDeliberation(), requete.dateDeliberation()), acteur));
    }

    @PostMapping("/{id}/retrait")
    @Operation(summary = "Retirer un membre avant la constitution (son agent, ou le personnel)")
    @ApiResponse(responseCode = "200", description = "Membre retiré")
    @ApiResponse(responseCode = "409", description = "Groupement constitué ou dissous, coordonnateur, ou moins de"
            + " deux membres restants", content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    GroupementVue retirer(@PathVariable UUID id, @Valid @RequestBody SirenMembreRequete requete, Acteur acteur) {
        return GroupementVue.de(service.retirer(new GroupementId(id), requete.siren(), acteur));
    }

    @PostMapping("/{id}/dissolution")
    @Operation(summary = "Dissoudre le groupement (EN_CONSTITUTION ou CONSTITUE → DISSOUS)")
    @ApiResponse(responseCode = "200", description = "Groupement DISSOUS")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    GroupementVue dissoudre(@PathVariable UUID id, @Valid @RequestBody DissolutionRequete requete, Acteur acteur) {
        return GroupementVue.de(service.dissoudre(new GroupementId(id), requete.motif(), acteur));
    }
}
