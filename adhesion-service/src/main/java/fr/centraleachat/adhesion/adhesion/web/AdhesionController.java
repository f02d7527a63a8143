package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.application.AdhesionDetaillee;
import fr.centraleachat.adhesion.adhesion.application.ServiceAdhesions;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import fr.centraleachat.adhesion.adhesion.domain.Motif;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
    ResponseEntity<AdhesionVue> demander(@Valid @RequestBody DemandeAdhesionRequete requete, Acteur acteur) {
        AdhesionDetaillee detail = service.demander(requete.siren(), requete.famillesAchat(), requete.missions(), acteur);
        return ResponseEntity.created(URI.create("/api/adhesion/adhesions/" + detail.adhesion().id()))
                .body(AdhesionVue.de(detail));
    }

    @GetMapping
    @Operation(summary = "Lister les adhésions (un agent ne voit que celles de son organisme)")
    List<AdhesionVue> lister(@RequestParam Optional<Siren> siren, @RequestParam Optional<StatutAdhesion> statut,
            Acteur acteur) {
        return service.lister(siren, statut, acteur).stream().map(AdhesionVue::de).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Consulter une adhésion")
    AdhesionVue consulter(@PathVariable UUID id, Acteur acteur) {
        return AdhesionVue.de(service.consulter(new AdhesionId(id), acteur));
    }

    @PostMapping("/{id}/deliberation")
    @Operation(summary = "Enregistrer la délibération du membre (DEMANDEE → DELIBEREE)")
    AdhesionVue deliberation(@PathVariable UUID id, @Valid @RequestBody DeliberationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.enregistrerDeliberation(new AdhesionId(id),
                new Deliberation(requete.numero(), requete.date()), acteur));
    }

    @PostMapping("/{id}/activation")
    @Operation(summary = "Activer l'adhésion après signature de la convention (DELIBEREE → ACTIVE)")
    AdhesionVue activation(@PathVariable UUID id, @Valid @RequestBody ActivationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.activer(new AdhesionId(id), requete.dateSignatureConvention(),
                requete.dateEffet(), acteur));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspendre l'adhésion (ACTIVE → SUSPENDUE)")
    AdhesionVue suspension(@PathVariable UUID id, @Valid @RequestBody SuspensionRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.suspendre(new AdhesionId(id), new Motif(requete.motif()), acteur));
    }

    @PostMapping("/{id}/reprise")
    @Operation(summary = "Reprendre une adhésion suspendue (SUSPENDUE → ACTIVE)")
    AdhesionVue reprise(@PathVariable UUID id, Acteur acteur) {
        return AdhesionVue.de(service.reprendre(new AdhesionId(id), acteur));
    }

    @PostMapping("/{id}/resiliation")
    @Operation(summary = "Résilier l'adhésion (ACTIVE ou SUSPENDUE → RESILIEE)")
    AdhesionVue resiliation(@PathVariable UUID id, @Valid @RequestBody ResiliationRequete requete, Acteur acteur) {
        return AdhesionVue.de(service.resilier(new AdhesionId(id), requete.dateEffet(), new Motif(requete.motif()),
                acteur));
    }
}
