package fr.centraleachat.marche.pli.web;

import fr.centraleachat.marche.pli.application.DecompteLot;
import fr.centraleachat.marche.pli.application.FichierRecu;
import fr.centraleachat.marche.pli.application.ServicePlis;
import fr.centraleachat.marche.pli.domain.NaturePiece;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/marche", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plis", description = "Dépôt des plis par les fournisseurs, scellés jusqu'à l'ouverture ; accusés de réception")
class PliController {

    private final ServicePlis service;
    private final fr.centraleachat.marche.pli.application.ServiceProcesVerbal procesVerbaux;

    PliController(ServicePlis service, fr.centraleachat.marche.pli.application.ServiceProcesVerbal procesVerbaux) {
        this.service = service;
        this.procesVerbaux = procesVerbaux;
    }

    @GetMapping("/consultations/{id}/proces-verbal-ouverture")
    @Operation(summary = "Procès-verbal d'ouverture des plis (JSON) : plis par lot, soumissionnaire, heure de réception, "
            + "dans le délai ou non, contrôle de chaque fichier contre son accusé de réception")
    @ApiResponse(responseCode = "200", description = "Le procès-verbal, établi à partir des plis conservés")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    fr.centraleachat.marche.pli.application.ProcesVerbalOuverture procesVerbal(@PathVariable String id, Acteur acteur) {
        return procesVerbaux.procesVerbal(id, acteur);
    }

    @GetMapping(path = "/consultations/{id}/proces-verbal-ouverture.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Procès-verbal d'ouverture des plis (PDF)")
    @ApiResponse(responseCode = "200", description = "Le procès-verbal en PDF")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> procesVerbalPdf(
            @PathVariable String id, Acteur acteur) {
        var pv = procesVerbaux.procesVerbal(id, acteur);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"proces-verbal-ouverture-" + id + ".pdf\"")
                .body(sortie -> ProcesVerbalPdf.ecrire(pv, sortie));
    }

    @PostMapping(path = "/consultations/{id}/lots/{lot}/plis", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Déposer un pli sur un lot (fournisseur) : partie « offre » (JSON : prixHt, referenceDume, "
            + "prixUnitaires) et fichiers « candidature » et « pieces » ; le pli est scellé jusqu'à l'ouverture, "
            + "un pli reçu après la DLRO est conservé mais hors délai")
    @ApiResponse(responseCode = "201", description = "Pli reçu : son accusé de réception (hors délai s'il est arrivé "
            + "après la DLRO)", headers = @Header(name = "Location", description = "Adresse de l'accusé de réception",
            schema = @Schema(type = "string", format = "uri")))
    @RolesAutorises({Role.FOURNISSEUR})
    ResponseEntity<AccuseVue> deposer(@PathVariable String id, @PathVariable int lot,
            @RequestPart("offre") @Valid OffreRequete offre,
            @RequestPart(name = "candidature", required = false) List<MultipartFile> candidature,
            @RequestPart(name = "pieces", required = false) List<MultipartFile> pieces,
            Acteur acteur, UriComponentsBuilder uri) {
        List<FichierRecu> fichiers = new ArrayList<>();
        ajouter(fichiers, NaturePiece.CANDIDATURE, candidature);
        ajouter(fichiers, NaturePiece.OFFRE, pieces);
        AccuseVue accuse = AccuseVue.de(service.deposer(id, lot, offre.versOffre(), fichiers, acteur));
        return ResponseEntity.created(uri.path("/api/marche/plis/{numero}").buildAndExpand(accuse.numero()).toUri())
                .body(accuse);
    }

    @GetMapping("/plis/{numero}")
    @Operation(summary = "Relire l'accusé de réception d'un pli (son fournisseur, l'acheteur, un administrateur)")
    @ApiResponse(responseCode = "200", description = "L'accusé de réception, sans rien du contenu scellé")
    @RolesAutorises({Role.FOURNISSEUR, Role.ACHETEUR, Role.ADMIN})
    AccuseVue accuse(@PathVariable String numero, Acteur acteur) {
        return AccuseVue.de(service.accuse(numero, acteur));
    }

    @PostMapping("/consultations/{id}/lots/{lot}/plis/{numero}/retrait")
    @Operation(summary = "Retirer son pli en vigueur sur un lot, avant la DLRO (fournisseur)")
    @ApiResponse(responseCode = "204", description = "Pli retiré")
    @RolesAutorises({Role.FOURNISSEUR})
    ResponseEntity<Void> retirer(@PathVariable String id, @PathVariable int lot, @PathVariable String numero,
            Acteur acteur) {
        service.retirer(id, lot, numero, acteur);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/consultations/{id}/mes-plis")
    @Operation(summary = "Les accusés de réception de ses propres plis sur une consultation (fournisseur)")
    @ApiResponse(responseCode = "200", description = "Ses plis, dans l'ordre de réception")
    @RolesAutorises({Role.FOURNISSEUR})
    List<AccuseVue> mesPlis(@PathVariable String id, Acteur acteur) {
        return service.mesPlis(id, acteur).stream().map(AccuseVue::de).toList();
    }

    @GetMapping("/consultations/{id}/plis/decompte")
    @Operation(summary = "Nombre de plis par lot (acheteur, administrateur) : avant l'ouverture, rien d'autre n'est visible")
    @ApiResponse(responseCode = "200", description = "Par lot : plis en vigueur, hors délai, retirés, remplacés")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    List<DecompteLot> decompte(@PathVariable String id, Acteur acteur) {
        return service.decompte(id, acteur);
    }

    private static void ajouter(List<FichierRecu> fichiers, NaturePiece nature, List<MultipartFile> parties) {
        if (parties == null) {
            return;
        }
        for (MultipartFile partie : parties) {
            if (!partie.isEmpty()) {
                fichiers.add(new FichierRecu(nature, partie.getOriginalFilename(), partie::getInputStream));
            }
        }
    }
}
