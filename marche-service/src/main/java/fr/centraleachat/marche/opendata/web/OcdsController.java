package fr.centraleachat.marche.opendata.web;

import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.marche.opendata.application.ServiceOcds;
import fr.centraleachat.marche.opendata.domain.Ocds;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consultations as OCDS 1.1.5 open data, public (no token needed: {@code centrale.securite.lectures-publiques}):
 * release packages and record packages, addressed at the centrale's public address.
 */
@RestController
@RequestMapping(path = "/api/marche", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open Contracting (OCDS)", description = "Consultations publiées au format Open Contracting Data Standard"
        + " 1.1.5 : releases (appel d'offres, rectificatifs, attributions, marchés, avenants, résiliations) et records")
class OcdsController {

    private final ServiceOcds service;
    private final String urlPublique;

    OcdsController(ServiceOcds service, @Value("${centrale.url-publique:http://localhost:8080}") URI urlPublique) {
        this.service = service;
        String url = urlPublique.toString();
        this.urlPublique = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @GetMapping("/ocds/releases")
    @Operation(summary = "Paquet de releases OCDS d'une page de consultations publiées (libre) : toutes les releases de"
            + " chacune ; la page et la taille comptent des consultations, dans l'ordre de la liste des consultations",
            description = "En-tête Link rel=\"next\" tant qu'une page suit ; 404 au-delà de la dernière page.")
    @ApiResponse(responseCode = "200", description = "Un paquet de releases OCDS 1.1.5")
    ResponseEntity<Ocds.PaquetDeReleases> releases(@ParameterObject @Valid PageDemandee page) {
        PageVue<Ocds.Release> releases = service.releases(page);
        if (releases.elements().isEmpty()) {
            throw new RessourceIntrouvableException("Aucune consultation publiée sur la page " + page.page() + ".");
        }
        String uri = urlPublique + "/api/marche/ocds/releases?page=" + page.page() + "&taille=" + page.taille();
        ResponseEntity.BodyBuilder reponse = ResponseEntity.ok();
        if (page.decalage() + page.taille() < releases.total()) {
            reponse.header(HttpHeaders.LINK, "<" + urlPublique + "/api/marche/ocds/releases?page=" + (page.page() + 1)
                    + "&taille=" + page.taille() + ">; rel=\"next\"");
        }
        return reponse.body(paquet(uri, releases.elements()));
    }

    @GetMapping("/consultations/{id}/ocds/releases")
    @Operation(summary = "Paquet des releases OCDS d'une consultation publiée (libre), de la plus ancienne à la plus"
            + " récente ; 404 pour un brouillon")
    @ApiResponse(responseCode = "200", description = "Un paquet de releases OCDS 1.1.5")
    Ocds.PaquetDeReleases releasesDe(@PathVariable String id) {
        List<Ocds.Release> releases = service.releases(id);
        return paquet(urlPublique + "/api/marche/consultations/" + id + "/ocds/releases", releases);
    }

    @GetMapping("/consultations/{id}/ocds")
    @Operation(summary = "Paquet de records OCDS d'une consultation publiée (libre) : ses releases et sa release"
            + " compilée (l'état actuel) ; 404 pour un brouillon")
    @ApiResponse(responseCode = "200", description = "Un paquet de records OCDS 1.1.5")
    Ocds.PaquetDeRecords record(@PathVariable String id) {
        Ocds.Record record = service.record(id);
        String base = urlPublique + "/api/marche/consultations/" + id + "/ocds";
        return new Ocds.PaquetDeRecords(base, Ocds.VERSION, List.of(Ocds.EXTENSION_LOTS),
                record.compiledRelease().date(), service.editeur(), Ocds.LICENCE, List.of(base + "/releases"),
                List.of(record));
    }

    private Ocds.PaquetDeReleases paquet(String uri, List<Ocds.Release> releases) {
        return new Ocds.PaquetDeReleases(uri, Ocds.VERSION, List.of(Ocds.EXTENSION_LOTS),
                ServiceOcds.dateDePublication(releases), service.editeur(), Ocds.LICENCE, releases);
    }
}
