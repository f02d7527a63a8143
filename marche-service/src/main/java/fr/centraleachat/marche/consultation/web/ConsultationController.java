package fr.centraleachat.marche.consultation.web;

import fr.centraleachat.marche.consultation.application.ServiceConsultations;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.support.security.Acteur;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    ResponseEntity<ConsultationVue> creer(@Valid @RequestBody ConsultationRequete requete, Acteur acteur,
            UriComponentsBuilder uri) {
        ConsultationVue vue = ConsultationVue.de(service.creer(requete.versContenu(), acteur));
        return ResponseEntity.created(uri.path("/api/marche/consultations/{id}").buildAndExpand(vue.id()).toUri())
                .body(vue);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Modifier une consultation encore à l'état de brouillon (acheteur)")
    ConsultationVue modifier(@PathVariable String id, @Valid @RequestBody ConsultationRequete requete, Acteur acteur) {
        return ConsultationVue.de(service.modifier(ConsultationId.de(id), requete.versContenu(), acteur));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Lire une consultation (les brouillons ne sont visibles que des acheteurs et administrateurs)")
    ConsultationVue consulter(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.consulter(ConsultationId.de(id), acteur));
    }

    @GetMapping
    @Operation(summary = "Lister les consultations, éventuellement d'un statut donné")
    List<ConsultationVue> lister(
            @Parameter(description = "BROUILLON, PUBLIEE, CLOTUREE, EN_ANALYSE, ATTRIBUEE, NOTIFIEE ou SANS_SUITE")
            @RequestParam(required = false) StatutConsultation statut, Acteur acteur) {
        return service.lister(Optional.ofNullable(statut), acteur).stream().map(ConsultationVue::de).toList();
    }

    @PostMapping("/{id}/publication")
    @Operation(summary = "Publier la consultation : procédure déterminée selon les seuils, DLRO contrôlée (acheteur)")
    ConsultationVue publier(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.publier(ConsultationId.de(id), acteur));
    }

    @PostMapping("/{id}/cloture")
    @Operation(summary = "Clôturer la réception des offres une fois la DLRO passée (acheteur)")
    ConsultationVue cloturer(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.cloturer(ConsultationId.de(id), acteur));
    }

    @PostMapping("/{id}/ouverture-des-plis")
    @Operation(summary = "Ouvrir les plis d'une consultation clôturée (acheteur)")
    ConsultationVue ouvrirLesPlis(@PathVariable String id, Acteur acteur) {
        return ConsultationVue.de(service.ouvrirLesPlis(ConsultationId.de(id), acteur));
    }

    @PostMapping(path = "/{id}/sans-suite", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Déclarer la consultation sans suite, avec sa raison (acheteur)")
    ConsultationVue declarerSansSuite(@PathVariable String id, @Valid @RequestBody SansSuiteRequete requete,
            Acteur acteur) {
        return ConsultationVue.de(service.declarerSansSuite(ConsultationId.de(id), requete.raison(), acteur));
    }
}
