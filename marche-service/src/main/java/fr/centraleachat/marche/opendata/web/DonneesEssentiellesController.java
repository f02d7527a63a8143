package fr.centraleachat.marche.opendata.web;

import fr.centraleachat.marche.opendata.application.ServiceDonneesEssentielles;
import fr.centraleachat.marche.opendata.domain.Decp;
import fr.centraleachat.marche.opendata.domain.EcheanceDecp;
import fr.centraleachat.support.json.DatesBornees;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The données essentielles (DECP v2.0.3) of the marchés of 40 000 € HT or more. Reads are public open data (no token
 * needed: {@code centrale.securite.lectures-publiques}); what is due and its publication are the acheteur's.
 */
@RestController
@RequestMapping(path = "/api/marche", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Données essentielles (DECP)", description = "Données essentielles des marchés de 40 000 € HT ou plus,"
        + " au format réglementaire DECP v2 : fichier d'une période pour data.gouv.fr, données d'un marché, marchés à"
        + " publier et enregistrement de leur publication")
class DonneesEssentiellesController {

    private final ServiceDonneesEssentielles service;

    DonneesEssentiellesController(ServiceDonneesEssentielles service) {
        this.service = service;
    }

    /** The period of a file: both days included, at most a year. */
    record PeriodeRequete(
            @Schema(description = "Premier jour de la période (AAAA-MM-JJ)", example = "2027-01-01") @NotNull(message =
                    "Le début de la période est obligatoire (AAAA-MM-JJ).") LocalDate du,
            @Schema(description = "Dernier jour de la période, inclus (AAAA-MM-JJ) ; 366 jours au plus",
                    example = "2027-01-31") @NotNull(message = "La fin de la période est obligatoire (AAAA-MM-JJ).")
            LocalDate au) {
    }

    @GetMapping("/donnees-essentielles")
    @Operation(summary = "Fichier DECP d'une période (libre) : les marchés de 40 000 € HT ou plus notifiés ou modifiés"
            + " du … au … (inclus, 366 jours au plus), avec toutes leurs modifications, au format attendu par"
            + " data.gouv.fr ({\"marches\":{\"marche\":[…]}})", description = "Une donnée non encore publiée porte la"
            + " date du jour comme date de publication.")
    @ApiResponse(responseCode = "200", description = "Le fichier DECP v2.0.3 de la période")
    Decp.Fichier fichier(
            @Parameter(description = "Premier jour (AAAA-MM-JJ)", required = true,
                    schema = @Schema(type = "string", format = "date")) @RequestParam String du,
            @Parameter(description = "Dernier jour, inclus (AAAA-MM-JJ)", required = true,
                    schema = @Schema(type = "string", format = "date")) @RequestParam String au) {
        return service.fichier(DatesBornees.date("du", du), DatesBornees.date("au", au));
    }

    @PostMapping(path = "/donnees-essentielles/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enregistrer la publication sur data.gouv.fr du fichier d'une période (acheteur) : chaque"
            + " marché et chaque modification du fichier non encore publié prend la date du jour, qui ne changera"
            + " plus ; renvoie le fichier à déposer, daté")
    @ApiResponse(responseCode = "200", description = "Le fichier publié, avec ses dates de publication")
    @RolesAutorises({Role.ACHETEUR})
    Decp.Fichier publier(@Valid @RequestBody PeriodeRequete periode, Acteur acteur) {
        return service.publier(periode.du(), periode.au(), acteur);
    }

    @GetMapping("/donnees-essentielles/a-publier")
    @Operation(summary = "Données essentielles dues et non encore publiées (acheteur, administrateur) : données"
            + " initiales de chaque marché notifié et chaque modification, avec la date limite (2 mois après), la"
            + " plus proche d'abord")
    @ApiResponse(responseCode = "200", description = "Une page d'échéances")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    PageVue<EcheanceDecp> aPublier(@ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.aPublier(page, acteur);
    }

    @GetMapping("/consultations/{id}/lots/{lot}/donnees-essentielles")
    @Operation(summary = "Données essentielles du marché d'un lot (libre), sous la forme d'un fichier DECP d'un"
            + " marché ; 404 sous 40 000 € HT ou tant que le lot n'est pas notifié")
    @ApiResponse(responseCode = "200", description = "Le fichier DECP v2.0.3 du marché")
    Decp.Fichier marche(@PathVariable String id, @PathVariable int lot) {
        return Decp.Fichier.de(java.util.List.of(service.marche(id, lot)));
    }
}
