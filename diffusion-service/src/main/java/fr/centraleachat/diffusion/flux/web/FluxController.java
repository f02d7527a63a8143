package fr.centraleachat.diffusion.flux.web;

import fr.centraleachat.diffusion.flux.application.LectureFlux;
import fr.centraleachat.diffusion.flux.domain.Curseur;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.diffusion.flux.domain.PageFlux;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/diffusion")
@Tag(name = "Flux", description = "Les événements d'intégration de la centrale, relus depuis un curseur")
class FluxController {

    /** Seconds a reader that reached the end should wait before asking again. */
    static final String ATTENTE_CONSEILLEE = "2";
    /** One entity tag (weak or strong), or several separated by commas, or "*"; bounded. */
    private static final Pattern ETAG = Pattern.compile("\\*|(W/)?\"[!#-~]{0,64}\"(, ?(W/)?\"[!#-~]{0,64}\"){0,3}");

    private final LectureFlux lecture;
    private final JsonMapper json;

    FluxController(LectureFlux lecture, JsonMapper json) {
        this.lecture = lecture;
        this.json = json;
    }

    @GetMapping(value = "/feed", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lire les événements d'intégration après un curseur, dans l'ordre du journal (CloudEvents "
            + "JSON, mêmes identifiants que sur Kafka) ; livraison au moins une fois : dédoublonner par id",
            description = "Sans curseur, la lecture part du début du journal. La réponse donne le curseur à renvoyer "
                    + "pour la suite ; il reste valable après un redémarrage. Quand rien de nouveau n'est arrivé, "
                    + "la réponse est vide avec Retry-After, et If-None-Match avec l'ETag reçu donne 304.")
    @ApiResponse(responseCode = "200", description = "Les événements suivants (au plus la limite)",
            content = @Content(schema = @Schema(implementation = PageFluxVue.class)))
    @ApiResponse(responseCode = "304", description = "Rien de nouveau depuis la réponse de cet ETag")
    @RolesAutorises(value = Role.ADMIN, scopes = "events:read")
    ResponseEntity<String> lire(
            @Parameter(description = "Curseur donné par la réponse précédente ; absent : depuis le début")
            @RequestParam(required = false) String after,
            @Parameter(description = "Nombre d'événements au plus (1 à 1000, 100 par défaut)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "Types d'événement retenus (répétable, au plus 20), "
                    + "ex. fr.centraleachat.marche.MarcheNotifie.v1")
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "Sujet retenu (identifiant de l'agrégat)")
            @RequestParam(required = false) String subject,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String siAucuneCorrespondance) {
        if (siAucuneCorrespondance != null && !ETAG.matcher(siAucuneCorrespondance).matches()) {
            throw new ValeurInvalideException("If-None-Match", "En-tête If-None-Match invalide : renvoyez l'ETag "
                    + "reçu, tel quel.");
        }
        FiltreFlux filtre = FiltreFlux.de(type, subject);
        Curseur depuis = Curseur.lire(after);
        PageFlux page = lecture.lire(depuis, limit, filtre);
        String etag = etag(depuis, limit, filtre, page);
        ResponseEntity.BodyBuilder reponse = ResponseEntity.ok().eTag(etag);
        if (page.evenements().isEmpty() && page.aJour()) {
            reponse.header(HttpHeaders.RETRY_AFTER, ATTENTE_CONSEILLEE);
        }
        if (etag.equals(siAucuneCorrespondance)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(HttpHeaders.RETRY_AFTER, ATTENTE_CONSEILLEE).build();
        }
        return reponse.contentType(MediaType.APPLICATION_JSON).body(corps(page));
    }

    /** The events are written as journaled (no re-serialisation): a reader gets the bytes every reader gets. */
    private String corps(PageFlux page) {
        StringBuilder corps = new StringBuilder(256 + page.evenements().size() * 512).append("{\"evenements\":[");
        boolean premier = true;
        for (EvenementJournalise evenement : page.evenements()) {
            if (!premier) {
                corps.append(',');
            }
            corps.append(evenement.cloudEvent());
            premier = false;
        }
        return corps.append("],\"curseur\":").append(json.writeValueAsString(page.suivant().texte()))
                .append(",\"aJour\":").append(page.aJour()).append('}').toString();
    }

    /** The same question answered from the same place names the same page: a strong validator. */
    private static String etag(Curseur depuis, Integer limite, FiltreFlux filtre, PageFlux page) {
        String texte = depuis.position() + "|" + limite + "|" + filtre.empreinte() + "|" + page.suivant().position()
                + "|" + page.evenements().size();
        try {
            byte[] empreinte = MessageDigest.getInstance("SHA-256").digest(texte.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(empreinte, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
