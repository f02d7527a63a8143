package fr.centraleachat.adhesion.membre.web;

import fr.centraleachat.adhesion.membre.application.ServiceMembres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/adhesion/membres")
@Tag(name = "Membres", description = "Organismes publics pouvant adhérer à la centrale")
class MembreController {

    private final ServiceMembres service;

    MembreController(ServiceMembres service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Enregistrer un organisme membre (administrateur)")
    ResponseEntity<MembreVue> enregistrer(@Valid @RequestBody MembreRequete requete, Acteur acteur) {
        Membre membre = service.enregistrer(requete.siren(), requete.nom(), requete.type(),
                Optional.ofNullable(requete.codeInsee()), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/membres/" + membre.siren()))
                .body(MembreVue.de(membre));
    }

    @GetMapping
    @Operation(summary = "Lister les organismes membres, éventuellement par type")
    List<MembreVue> lister(@RequestParam Optional<TypeMembre> type) {
        return service.lister(type).stream().map(MembreVue::de).toList();
    }

    @GetMapping("/{siren}")
    @Operation(summary = "Consulter un organisme membre par son SIREN")
    MembreVue consulter(@PathVariable Siren siren) {
        return MembreVue.de(service.consulter(siren));
    }
}
