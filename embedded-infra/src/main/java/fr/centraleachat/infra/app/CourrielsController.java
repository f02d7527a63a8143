package fr.centraleachat.infra.app;

import java.nio.file.Path;
import java.util.List;

import fr.centraleachat.infra.CourrielRecu;
import fr.centraleachat.infra.DossierCourriels;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mails the embedded SMTP server caught, for a person and for tests: {@code GET /courriels} lists them
 * (newest first, optionally for one recipient), {@code GET /courriels/<fichier>} gives one as {@code .eml}.
 * Read-only; loopback callers only ({@link LocalOnlyFilter}).
 */
@RestController
@RequestMapping("/courriels")
class CourrielsController {

    private static final int MAX = 1_000;

    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    private final DossierCourriels dossier;

    CourrielsController(DossierCourriels dossier) {
        this.dossier = dossier;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<CourrielRecu> lister(@RequestParam(required = false) String destinataire,
                              @RequestParam(defaultValue = "100") int max) {
        String filtre = destinataire == null || destinataire.isBlank() ? null : destinataire;
        return dossier.lire(filtre, Math.min(Math.max(max, 0), MAX));
    }

    @GetMapping("/{fichier}")
    ResponseEntity<Resource> telecharger(@PathVariable String fichier) {
        return dossier.fichier(fichier)
                .<ResponseEntity<Resource>>map(chemin -> ResponseEntity.ok()
                        .contentType(RFC822)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + nom(chemin) + "\"")
                        .body(new FileSystemResource(chemin)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static String nom(Path chemin) {
        return chemin.getFileName().toString();
    }
}
