package fr.centraleachat.catalogue.membre.web;

import fr.centraleachat.catalogue.membre.application.MembresActifs;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalogue/membres-actifs")
@Tag(name = "Membres actifs", description = "Organismes dont l'adhésion à la centrale est active")
class MembresActifsController {

    private final MembresActifs membresActifs;

    MembresActifsController(MembresActifs membresActifs) {
        this.membresActifs = membresActifs;
    }

    @GetMapping
    @Operation(summary = "Lister les membres actifs par page, par ordre alphabétique français (un agent ne voit que son organisme)")
    @ApiResponse(responseCode = "200", description = "Une page de membres actifs")
    PageVue<MembreActifReponse> lister(@ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return membresActifs.lister(page, acteur).map(MembreActifReponse::de);
    }

    @GetMapping("/{siren}")
    @Operation(summary = "Consulter un membre actif par son SIREN")
    @ApiResponse(responseCode = "200", description = "Le membre actif")
    MembreActifReponse consulter(@PathVariable String siren, Acteur acteur) {
        return MembreActifReponse.de(membresActifs.consulter(new Siren(siren), acteur));
    }
}
