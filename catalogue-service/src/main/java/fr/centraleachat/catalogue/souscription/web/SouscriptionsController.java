package fr.centraleachat.catalogue.souscription.web;

import fr.centraleachat.catalogue.souscription.application.ServiceSouscriptions;
import fr.centraleachat.kernel.NumeroMarche;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalogue")
@Tag(name = "Souscriptions", description = "Souscription d'un organisme membre à un contrat, pour y commander")
class SouscriptionsController {


    private final ServiceSouscriptions service;

    SouscriptionsController(ServiceSouscriptions service) {
        this.service = service;
    }

    @PostMapping("/contrats/{numero}/souscription")
    @Operation(summary = "Souscrire son organisme à un contrat actif dont il est bénéficiaire, son adhésion active "
            + "couvrant la famille d'achat du contrat (agent)")
    @ApiResponse(responseCode = "201", description = "Souscription créée (ou reprise après une résiliation)")
    @RolesAutorises({Role.AGENT})
    ResponseEntity<SouscriptionVue> souscrire(@PathVariable String numero, Acteur acteur) {
        SouscriptionVue vue = SouscriptionVue.de(service.souscrire(numero(numero), acteur));
        return ResponseEntity.created(URI.create("/api/catalogue/souscriptions?contrat=" + vue.numeroContrat()))
                .body(vue);
    }

    @PostMapping("/contrats/{numero}/souscription/resiliation")
    @Operation(summary = "Résilier la souscription de son organisme : plus de nouvelle commande, celles émises "
            + "suivent leur cours (agent)")
    @ApiResponse(responseCode = "200", description = "Souscription résiliée")
    @RolesAutorises({Role.AGENT})
    SouscriptionVue resilier(@PathVariable String numero, Acteur acteur) {
        return SouscriptionVue.de(service.resilier(numero(numero), acteur));
    }

    @GetMapping("/souscriptions")
    @Operation(summary = "Lister les souscriptions : toutes pour l'acheteur, celles de son organisme pour un agent")
    @ApiResponse(responseCode = "200", description = "Une page de souscriptions")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN, Role.AGENT})
    PageVue<SouscriptionVue> lister(
            @Parameter(description = "Numéro de contrat (ex. 2027-0042-L1)") @RequestParam(required = false) String contrat,
            @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(contrat == null ? null : numero(contrat), acteur, page).map(SouscriptionVue::de);
    }

    private static String numero(String numero) {
        return new NumeroMarche(numero).valeur();
    }
}
