package fr.centraleachat.marche.document.web;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.web.ConsultationVue;
import fr.centraleachat.marche.document.application.FichierTeleverse;
import fr.centraleachat.marche.document.application.ServiceRectificatifs;
import fr.centraleachat.marche.document.domain.DceTropVolumineuxException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping(path = "/api/marche/consultations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consultations", description = "Préparation, publication et suivi des consultations")
class RectificatifController {

    private final ServiceRectificatifs service;

    RectificatifController(ServiceRectificatifs service) {
        this.service = service;
    }

    @PostMapping(path = "/rectificatifs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Rectifier une consultation publiée, avant sa DLRO (acheteur) : partie « rectificatif » (JSON :"
            + " raison, nouvelleDlro, dateLimiteQuestions, substantiel, documents, retraits) et fichiers « fichiers »,"
            + " décrits un à un et dans l'ordre par « documents »",
            description = "Un rectificatif substantiel doit laisser de nouveau le délai minimal de remise des offres à"
                    + " compter de ce jour : sinon, refus (400, champ nouvelleDlro) indiquant la première DLRO légale."
                    + " Les plis déposés avant un rectificatif substantiel sont à confirmer par leurs fournisseurs.")
    @ApiResponse(responseCode = "200", description = "La consultation rectifiée, avec ses rectificatifs")
    @ApiResponse(responseCode = "409", description = "Consultation non publiée, ou DLRO passée",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR})
    ConsultationVue rectifier(@PathVariable String id,
            @RequestPart("rectificatif") @Valid RectificatifRequete rectificatif,
            @RequestPart(name = "fichiers", required = false) List<MultipartFile> fichiers, Acteur acteur) {
        List<FichierTeleverse> televerses = fichiers == null ? List.of() : fichiers.stream()
                .map(f -> new FichierTeleverse(f.getOriginalFilename(), f::getInputStream)).toList();
        return ConsultationVue.de(service.rectifier(ConsultationId.de(id), rectificatif.versDemande(), televerses,
                acteur));
    }

    @ExceptionHandler(DceTropVolumineuxException.class)
    ResponseEntity<ProblemDetail> dceTropVolumineux(DceTropVolumineuxException e) {
        return DocumentController.trop(e);
    }
}
