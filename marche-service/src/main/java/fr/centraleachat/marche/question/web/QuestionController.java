package fr.centraleachat.marche.question.web;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.question.application.ServiceQuestions;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Questions of suppliers and answers of the acheteur; reads are public once the consultation is published. */
@RestController
@RequestMapping(path = "/api/marche/consultations/{id}/questions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Questions et réponses", description = "Questions des fournisseurs sur une consultation publiée,"
        + " réponses de l'acheteur publiées à tous sans l'identité de qui a demandé")
class QuestionController {

    private final ServiceQuestions service;

    QuestionController(ServiceQuestions service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Poser une question sur une consultation publiée, jusqu'à la date limite des questions"
            + " (fournisseur)")
    @ApiResponse(responseCode = "201", description = "Question reçue", headers = @Header(name = "Location",
            description = "Adresse de la question", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "Date limite des questions passée, ou consultation close",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.FOURNISSEUR})
    ResponseEntity<QuestionVue> poser(@PathVariable String id, @Valid @RequestBody QuestionRequete requete,
            Acteur acteur, UriComponentsBuilder uri) {
        ConsultationId consultation = ConsultationId.de(id);
        QuestionVue vue = QuestionVue.de(service.poser(consultation, requete.texte(), acteur), true);
        return ResponseEntity.created(uri.path("/api/marche/consultations/{id}/questions/{question}")
                .buildAndExpand(consultation, vue.numero()).toUri()).body(vue);
    }

    @PostMapping(path = "/{question}/reponse", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Répondre à une question (acheteur) : la réponse est publiée à tous, sans l'identité de qui"
            + " a demandé ; la question peut être reformulée")
    @ApiResponse(responseCode = "200", description = "Question et réponse publiées")
    @RolesAutorises({Role.ACHETEUR})
    QuestionVue repondre(@PathVariable String id, @PathVariable int question,
            @Valid @RequestBody ReponseRequete requete, Acteur acteur) {
        return QuestionVue.de(service.repondre(ConsultationId.de(id), question, requete.texte(),
                requete.questionReformulee(), acteur), false);
    }

    @GetMapping
    @Operation(summary = "Lister les questions et réponses (libre une fois la consultation publiée) : les questions"
            + " répondues ; un fournisseur voit aussi les siennes en attente ; acheteurs et administrateurs voient tout")
    @ApiResponse(responseCode = "200", description = "Une page de questions, par numéro")
    PageVue<QuestionVue> lister(@PathVariable String id, @ParameterObject @Valid PageDemandee page,
            @Parameter(hidden = true) Optional<Acteur> acteur) {
        boolean fournisseur = acteur.filter(a -> a.a(Role.FOURNISSEUR)).isPresent();
        return service.lister(ConsultationId.de(id), page, acteur).map(q -> QuestionVue.de(q, fournisseur));
    }

    @GetMapping("/{question}")
    @Operation(summary = "Lire une question (libre une fois répondue ; avant, pour qui l'a posée et le personnel de la"
            + " centrale)")
    @ApiResponse(responseCode = "200", description = "La question, et sa réponse si elle en a une")
    QuestionVue consulter(@PathVariable String id, @PathVariable int question,
            @Parameter(hidden = true) Optional<Acteur> acteur) {
        boolean fournisseur = acteur.filter(a -> a.a(Role.FOURNISSEUR)).isPresent();
        return QuestionVue.de(service.consulter(ConsultationId.de(id), question, acteur), fournisseur);
    }
}
