package fr.centraleachat.marche.document.web;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.application.DceATelecharger;
import fr.centraleachat.marche.document.application.FichierATelecharger;
import fr.centraleachat.marche.document.application.FichierTeleverse;
import fr.centraleachat.marche.document.application.ServiceDocuments;
import fr.centraleachat.marche.document.domain.DceTropVolumineuxException;
import fr.centraleachat.marche.document.domain.TypeDocument;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import fr.centraleachat.support.web.Problemes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The tender documents (DCE) of a consultation. Reads are public once the consultation is published (no token
 * needed: {@code centrale.securite.lectures-publiques}); downloads stream from storage to the response.
 */
@RestController
@RequestMapping("/api/marche/consultations/{id}")
@Tag(name = "Dossier de consultation (DCE)", description = "Documents de la consultation : dépôt par l'acheteur,"
        + " téléchargement libre une fois publiée, registre des téléchargements")
class DocumentController {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentController.class);
    private static final int TAMPON = 64 * 1024;

    private final ServiceDocuments service;

    DocumentController(ServiceDocuments service) {
        this.service = service;
    }

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ajouter un document au DCE d'une consultation en brouillon ou publiée (acheteur) : fichier"
            + " « fichier », champs « type » et « titre » (facultatif) ; type reconnu d'après le contenu",
            description = "Sur une consultation publiée, un document existant ne se remplace ou ne se retire que par"
                    + " un rectificatif.")
    @ApiResponse(responseCode = "201", description = "Document ajouté", headers = @Header(name = "Location",
            description = "Adresse de téléchargement du document", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "413", description = "Fichier ou dossier trop volumineux",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<DocumentVue> deposer(@PathVariable String id, @RequestPart("fichier") MultipartFile fichier,
            @Parameter(description = "Type du document", schema = @Schema(type = "string", allowableValues = {
                "REGLEMENT_CONSULTATION", "CCAP", "CCTP", "BPU", "DQE", "PLAN", "AUTRE"}))
            @RequestPart("type") String type,
            @Parameter(description = "Titre du document (200 caractères au plus)")
            @RequestPart(name = "titre", required = false) String titre,
            Acteur acteur, UriComponentsBuilder uri) {
        ConsultationId consultation = ConsultationId.de(id);
        DocumentVue vue = DocumentVue.de(service.deposer(consultation, typeDocument(type), titre,
                new FichierTeleverse(fichier.getOriginalFilename(), fichier::getInputStream), acteur));
        return ResponseEntity.created(uri.path("/api/marche/consultations/{id}/documents/{document}")
                .buildAndExpand(consultation, vue.numero()).toUri()).body(vue);
    }

    @DeleteMapping("/documents/{document}")
    @Operation(summary = "Supprimer un document du DCE d'une consultation en brouillon (acheteur)")
    @ApiResponse(responseCode = "204", description = "Document supprimé, avec son fichier")
    @ApiResponse(responseCode = "409", description = "La consultation est publiée : passer par un rectificatif",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<Void> supprimer(@PathVariable String id, @PathVariable int document, Acteur acteur) {
        service.supprimer(ConsultationId.de(id), document, acteur);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lister les documents du DCE (libre une fois la consultation publiée ; un brouillon n'est"
            + " visible que des acheteurs et administrateurs)")
    @ApiResponse(responseCode = "200", description = "Une page de documents, par numéro")
    PageVue<DocumentVue> lister(@PathVariable String id, @ParameterObject @Valid PageDemandee page,
            @Parameter(hidden = true) Optional<Acteur> acteur) {
        return service.lister(ConsultationId.de(id), page, acteur).map(DocumentVue::de);
    }

    @GetMapping("/documents/{document}")
    @Operation(summary = "Télécharger un document du DCE, sa version en vigueur ou une version précédente (libre une"
            + " fois la consultation publiée) ; chaque téléchargement est consigné")
    @ApiResponse(responseCode = "200", description = "Le fichier ; ETag : son SHA-256", content = @Content(
            mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    void telecharger(@PathVariable String id, @PathVariable int document,
            @Parameter(description = "Une version précédente ; par défaut la version en vigueur")
            @RequestParam(required = false) @Min(value = 1, message = "La version est au moins 1.")
            @Max(value = 1000, message = "La version est au plus 1000.") Integer version,
            @Parameter(hidden = true) Optional<Acteur> acteur, HttpServletResponse reponse) throws IOException {
        FichierATelecharger telechargement = service.telecharger(ConsultationId.de(id), document,
                Optional.ofNullable(version), acteur);
        FichierStocke fichier = telechargement.fichier();
        reponse.setContentType(fichier.typeContenu());
        reponse.setContentLengthLong(fichier.taille());
        reponse.setHeader(HttpHeaders.ETAG, "\"" + fichier.sha256() + "\"");
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fichier.nom(), StandardCharsets.UTF_8).build().toString());
        try (InputStream contenu = telechargement.ouvrir()) {
            OutputStream sortie = reponse.getOutputStream();
            byte[] tampon = new byte[TAMPON];
            for (int n; (n = contenu.read(tampon)) > 0; ) {
                sortie.write(tampon, 0, n);
            }
        } catch (IOException e) {
            interrompu(reponse, e, "document " + document + " of consultation " + id);
        }
    }

    @GetMapping("/documents/archive")
    @Operation(summary = "Télécharger tout le DCE en une archive ZIP, avec la liste des empreintes SHA-256 (libre une"
            + " fois la consultation publiée) ; chaque téléchargement est consigné")
    @ApiResponse(responseCode = "200", description = "L'archive, produite au fil de l'envoi", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Consultation inconnue ou non visible, ou DCE encore vide",
            content = @Content(mediaType = "application/problem+json"))
    void archive(@PathVariable String id, @Parameter(hidden = true) Optional<Acteur> acteur,
            HttpServletResponse reponse) throws IOException {
        DceATelecharger dce = service.archive(ConsultationId.de(id), acteur);
        reponse.setContentType("application/zip");
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("DCE-" + dce.consultationId() + ".zip").build().toString());
        try {
            ArchiveZip.ecrire(dce, reponse.getOutputStream());
        } catch (IOException e) {
            interrompu(reponse, e, "DCE archive of consultation " + id);
        }
    }

    @GetMapping(path = "/telechargements", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Registre des téléchargements du DCE : qui (si connu), quand, quel fichier ou l'archive"
            + " (acheteur, administrateur)")
    @ApiResponse(responseCode = "200", description = "Une page du registre, du plus ancien au plus récent")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    PageVue<TelechargementVue> telechargements(@PathVariable String id, @ParameterObject @Valid PageDemandee page,
            Acteur acteur) {
        return service.telechargements(ConsultationId.de(id), page, acteur).map(TelechargementVue::de);
    }

    /** The DCE would pass its total size: the upload is too large for it. */
    @ExceptionHandler(DceTropVolumineuxException.class)
    ResponseEntity<ProblemDetail> dceTropVolumineux(DceTropVolumineuxException e) {
        return trop(e);
    }

    static ResponseEntity<ProblemDetail> trop(DceTropVolumineuxException e) {
        ProblemDetail probleme = Problemes.probleme(HttpStatus.CONTENT_TOO_LARGE, "Dossier de consultation trop"
                + " volumineux", e.getMessage());
        probleme.setProperty("erreurs", java.util.List.of(new Problemes.ErreurChamp(e.champ(), e.getMessage())));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(probleme);
    }

    static TypeDocument typeDocument(String type) {
        return Arrays.stream(TypeDocument.values()).filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> new ValeurInvalideException("type", "Valeur inconnue ; valeurs acceptées : "
                        + Arrays.stream(TypeDocument.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + "."));
    }

    /** Once the answer has started, a failure can only cut it: the client sees a truncated file, nothing else. */
    private static void interrompu(HttpServletResponse reponse, IOException e, String quoi) throws IOException {
        if (!reponse.isCommitted()) {
            throw e;
        }
        LOG.info("Download of {} interrupted: {}", quoi, e.getMessage());
    }
}
