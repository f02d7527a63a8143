package fr.centraleachat.marche.consultation.web;

import fr.centraleachat.marche.consultation.application.ServiceConsultations;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/marche/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultations", description = "Préparation, publication et suivi des consultations")
class ConsultationController {

    private final ServiceConsultations service;

    ConsultationController(ServiceConsultations service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Créer une consultation à l'état de brouillon (acheteur)")
    @ApiResponse(responseCode = "201", description = "Brouillon créé", headers = @Header(name = "Location",
            description = "Adresse de la consultation créée", schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<ConsultationVue> creer(@Validated(ConsultationRequete.Ordre.class) @RequestBody ConsultationRequete requete,
            Acteur acteur,
            UriComponentsBuilder uri) {
        ConsultationVue vue = ConsultationVue.de(service.creer(requete.versContenu(),
                requete.groupement(),
                acteur));
        return ResponseEntity.created(uri.path("/api/marche/consultations/{id}").buildAndExpand(vue.id()).toUri())
                .body(vue);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Modifier une consultation encore à l'état de brouillon (acheteur)")
    @ApiResponse(responseCode = "200", description = "Brouillon modifié")
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue modifier(@PathVariable String id,
            @Validated(ConsultationRequete.Ordre.class) @RequestBody ConsultationRequete requete, Acteur acteur) {
        return ConsultationVue.de(service.modifier(ConsultationId.de(id), requete.versContenu(),
                requete.groupement(),
                acteur));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une consultation (ce qui n'a jamais été publié n'est visible que des acheteurs et administrateurs)")
    @ApiResponse(responseCode = "200", description = "La consultation")
    ConsultationVue consulter(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.consulter(ConsultationId.de(id), acteur));
    }

    @GetMapping
    @Operation(summary = "Lister les consultations par page, DLRO la plus tardive d'abord, éventuellement d'un statut donné")
    @ApiResponse(responseCode = "200", description = "Une page de consultations")
    PageVue<ConsultationVue> lister(
            @Parameter(description = "BROUILLON, PUBLIEE, CLOTUREE, EN_ANALYSE, ATTRIBUEE, NOTIFIEE ou SANS_SUITE")
            @RequestParam(required = false) StatutConsultation statut, @ParameterObject @Valid PageDemandee page,
            Acteur acteur) {
        return service.lister(Optional.ofNullable(statut), page, acteur).map(ConsultationVue::de);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Supprimer une consultation encore à l'état de brouillon (acheteur)")
    @RolesAutorises({Role.ACHETEUR})
    @ApiResponse(responseCode = "204", description = "Brouillon supprimé")
    @ApiResponse(responseCode = "409", description = "La consultation n'est plus un brouillon",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> supprimer(@PathVariable String id, Acteur acteur) {
        service.supprimer(ConsultationId.de(id), acteur);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Publier la consultation : procédure déterminée selon les seuils, DLRO et bénéficiaires contrôlés (acheteur)",
            description = "Refusée (400, champ beneficiaires) si un bénéficiaire n'est pas un membre dont l'adhésion"
                    + " est active ; le détail liste chaque SIREN en cause.")
    @ApiResponse(responseCode = "200", description = "Consultation publiée, avec sa procédure, la publicité requise"
            + " et les avertissements")
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue publier(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.publier(ConsultationId.de(id), acteur));
    }

    @PostMapping("/{id}/cloture")
    @Operation(summary = "Clôturer la réception des offres une fois la DLRO passée (acheteur)")
    @ApiResponse(responseCode = "200", description = "Consultation clôturée")
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue cloturer(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.cloturer(ConsultationId.de(id), acteur));
    }

    @PostMapping("/{id}/ouverture-des-plis")
    @Operation(summary = "Ouvrir les plis d'une consultation clôturée (acheteur)")
    @ApiResponse(responseCode = "200", description = "Plis ouverts (EN_ANALYSE)")
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue ouvrirLesPlis(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.ouvrirLesPlis(ConsultationId.de(id), acteur));
    }

    @PostMapping(path = "/{id}/sans-suite", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Déclarer la consultation sans suite, avec sa raison (acheteur)")
    @ApiResponse(responseCode = "200", description = "Consultation sans suite")
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue declarerSansSuite(@PathVariable String id, @Valid @RequestBody SansSuiteRequete requete,
            Acteur acteur) {
        return ConsultationVue.de(service.declarerSansSuite(ConsultationId.de(id), requete.raison(), acteur));
    }
}
