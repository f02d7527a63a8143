package fr.centraleachat.catalogue.membre.web;

import fr.centraleachat.catalogue.membre.application.MembresActifs;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
    @Operation(summary = "Lister les membres actifs (un agent ne voit que son organisme)")
    List<MembreActifReponse> lister(Acteur acteur) {
        return membresActifs.lister(acteur).stream().map(MembreActifReponse::de).toList();
    }

    @GetMapping("/{siren}")
    @Operation(summary = "Consulter un membre actif par son SIREN")
    MembreActifReponse consulter(@PathVariable String siren, Acteur acteur) {
        return MembreActifReponse.de(membresActifs.consulter(new Siren(siren), acteur));
    }
}
