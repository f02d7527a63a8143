package fr.centraleachat.catalogue.contrat.web;

import fr.centraleachat.catalogue.contrat.application.ContratsVisibles;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalogue/contrats")
@Tag(name = "Contrats", description = "Marchés notifiés que les membres bénéficiaires peuvent utiliser, avec leur "
        + "consommation face au maximum")
class ContratsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ContratsVisibles contrats;
    private final Clock horloge;

    ContratsController(ContratsVisibles contrats, Clock horloge) {
        this.contrats = contrats;
        this.horloge = horloge;
    }

    @GetMapping
    @Operation(summary = "Lister les contrats visibles : tous pour l'acheteur, ceux dont son organisme est bénéficiaire "
            + "pour un agent, les siens pour un titulaire ; les plus récemment notifiés d'abord")
    @ApiResponse(responseCode = "200", description = "Une page de contrats")
    PageVue<ContratVue> lister(@ParameterObject @Valid PageDemandee page, Acteur acteur) {
        LocalDate aujourdhui = LocalDate.now(horloge.withZone(PARIS));
        return contrats.lister(acteur, page).map(c -> ContratVue.de(c, aujourdhui));
    }

    @GetMapping("/{numero}")
    @Operation(summary = "Consulter un contrat par son numéro de marché (ex. 2027-0042-L1)")
    @ApiResponse(responseCode = "200", description = "Le contrat")
    ContratVue consulter(@PathVariable String numero, Acteur acteur) {
        return ContratVue.de(contrats.consulter(numero, acteur), LocalDate.now(horloge.withZone(PARIS)));
    }
}
