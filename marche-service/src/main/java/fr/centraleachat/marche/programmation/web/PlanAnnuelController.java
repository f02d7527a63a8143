package fr.centraleachat.marche.programmation.web;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.programmation.application.ServiceFractionnement;
import fr.centraleachat.marche.programmation.application.ServicePlanAnnuel;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@Tag(name = "Programmation annuelle", description = "Plan annuel des achats, besoins proposés par les membres,"
        + " contrôle du fractionnement")
class PlanAnnuelController {

    private static final String PLAN = "/api/marche/plans/{annee}";

    private final ServicePlanAnnuel service;
    private final ServiceFractionnement fractionnement;

    PlanAnnuelController(ServicePlanAnnuel service, ServiceFractionnement fractionnement) {
        this.service = service;
        this.fractionnement = fractionnement;
    }

    @GetMapping(path = PLAN, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lire le plan annuel des achats d'une année : procédures, besoins proposés et vue par"
            + " trimestre et famille, prévu contre lancé (acheteur, administrateur)")
    @ApiResponse(responseCode = "200", description = "Le plan (vide si rien n'est encore prévu pour l'année)")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    PlanVues.PlanVue consulter(@PathVariable int annee, Acteur acteur) {
        return PlanVues.PlanVue.de(service.consulter(annee, acteur));
    }

    @PostMapping(path = PLAN + "/procedures", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Prévoir une procédure dans le plan de l'année (acheteur)")
    @ApiResponse(responseCode = "201", description = "Procédure prévue (PREVUE)", headers = @Header(name = "Location",
            description = "Adresse du plan", schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<PlanVues.ProcedureVue> planifier(@PathVariable int annee,
            @Valid @RequestBody PlanRequetes.ProcedureRequete r, Acteur acteur, UriComponentsBuilder uri) {
        PlanVues.ProcedureVue vue = PlanVues.ProcedureVue.de(service.planifier(annee, r.objet(), r.familleAchat(),
                r.cpvPrincipal(), r.nature(), r.valeurEstimee(), r.trimestre(),
                r.membres() == null ? java.util.List.of() : r.membres(), acteur));
        return ResponseEntity.created(uri.path(PLAN).buildAndExpand(annee).toUri()).body(vue);
    }

    @PostMapping(path = PLAN + "/procedures/{procedureId}/lancement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rattacher la consultation qui lance une procédure prévue (PREVUE → LANCEE, acheteur)")
    @ApiResponse(responseCode = "200", description = "Procédure lancée")
    @RolesAutorises({Role.ACHETEUR})
    PlanVues.ProcedureVue lancer(@PathVariable int annee, @PathVariable String procedureId,
            @Valid @RequestBody PlanRequetes.LancementRequete r, Acteur acteur) {
        return PlanVues.ProcedureVue.de(service.lancer(annee, procedureId, ConsultationId.de(r.consultationId()),
                acteur));
    }

    @PostMapping(path = PLAN + "/procedures/{procedureId}/abandon", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Abandonner une procédure prévue ou lancée, motif à l'appui (acheteur)")
    @ApiResponse(responseCode = "200", description = "Procédure abandonnée, plus comptée dans les besoins de l'année")
    @RolesAutorises({Role.ACHETEUR})
    PlanVues.ProcedureVue abandonner(@PathVariable int annee, @PathVariable String procedureId,
            @Valid @RequestBody PlanRequetes.MotifRequete r, Acteur acteur) {
        return PlanVues.ProcedureVue.de(service.abandonner(annee, procedureId, r.motif(), acteur));
    }

    @PostMapping(path = PLAN + "/besoins", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proposer un besoin pour le plan de l'année en cours ou d'une des deux suivantes (agent pour"
            + " son organisme, acheteur, administrateur)")
    @ApiResponse(responseCode = "201", description = "Besoin proposé (PROPOSE)", headers = @Header(name = "Location",
            description = "Adresse des besoins de l'année", schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<PlanVues.BesoinVue> proposer(@PathVariable int annee,
            @Valid @RequestBody PlanRequetes.BesoinRequete r, Acteur acteur, UriComponentsBuilder uri) {
        PlanVues.BesoinVue vue = PlanVues.BesoinVue.de(service.proposer(annee, r.siren(), r.objet(), r.familleAchat(),
                r.valeurEstimee(), fr.centraleachat.support.json.TexteFacultatif.de(r.commentaire()), acteur));
        return ResponseEntity.created(uri.path(PLAN + "/besoins").buildAndExpand(annee).toUri()).body(vue);
    }

    @GetMapping(path = PLAN + "/besoins", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lister les besoins proposés pour l'année, dans l'ordre de proposition (un agent ne voit que"
            + " ceux de son organisme)")
    @ApiResponse(responseCode = "200", description = "Une page de besoins")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR, Role.ADMIN})
    PageVue<PlanVues.BesoinVue> besoins(@PathVariable int annee, @ParameterObject @Valid PageDemandee page,
            Acteur acteur) {
        return PageVue.de(service.besoins(annee, acteur), page).map(PlanVues.BesoinVue::de);
    }

    @PostMapping(path = PLAN + "/besoins/{besoinId}/acceptation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accepter un besoin dans une procédure prévue de sa famille : le membre la rejoint, sa valeur"
            + " s'ajoute (acheteur)")
    @ApiResponse(responseCode = "200", description = "Besoin accepté (ACCEPTE)")
    @RolesAutorises({Role.ACHETEUR})
    PlanVues.BesoinVue accepter(@PathVariable int annee, @PathVariable String besoinId,
            @Valid @RequestBody PlanRequetes.AcceptationRequete r, Acteur acteur) {
        return PlanVues.BesoinVue.de(service.accepter(annee, besoinId, r.procedureId().toLowerCase(
                java.util.Locale.ROOT), acteur));
    }

    @PostMapping(path = PLAN + "/besoins/{besoinId}/refus", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refuser un besoin proposé, motif à l'appui (acheteur)")
    @ApiResponse(responseCode = "200", description = "Besoin refusé (REFUSE)")
    @RolesAutorises({Role.ACHETEUR})
    PlanVues.BesoinVue refuser(@PathVariable int annee, @PathVariable String besoinId,
            @Valid @RequestBody PlanRequetes.MotifRequete r, Acteur acteur) {
        return PlanVues.BesoinVue.de(service.refuser(annee, besoinId, r.motif(), acteur));
    }

    @GetMapping(path = "/api/marche/consultations/{id}/fractionnement", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contrôler le risque de fractionnement d'une consultation (articles R2121-6 et R2121-7) : sa"
            + " valeur face aux besoins de sa famille pour l'année, avec le calcul et les procédures comptées"
            + " (acheteur, administrateur)")
    @ApiResponse(responseCode = "200", description = "Le contrôle, tel qu'à la publication ou, pour un brouillon, s'il"
            + " était publié maintenant")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    PlanVues.FractionnementVue fractionnement(@PathVariable String id, Acteur acteur) {
        return PlanVues.FractionnementVue.de(fractionnement.verifier(ConsultationId.de(id), acteur));
    }
}
