package fr.centraleachat.marche.journal.web;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.Journal;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal of a consultation, read-only: a page, a full export (JSON or CSV, as a stream), the verification of
 * its hash chain. No endpoint changes or removes an entry.
 */
@RestController
@RequestMapping(path = "/api/marche/consultations/{id}/journal")
@Tag(name = "Journal", description = "Journal d'audit des consultations : décisions et lectures sensibles, chaînées"
        + " par empreinte")
@RolesAutorises({Role.ACHETEUR, Role.ADMIN})
class JournalController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final Journal journal;
    private final JsonMapper json;

    JournalController(Journal journal, JsonMapper json) {
        this.journal = journal;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lire le journal d'une consultation par page, dans l'ordre des rangs (acheteur, administrateur)",
            description = "Le journal d'un brouillon supprimé reste lisible ; 404 si aucune consultation ni aucun"
                    + " journal n'a cet identifiant.")
    @ApiResponse(responseCode = "200", description = "Une page d'entrées")
    PageVue<EntreeJournalVue> lire(@PathVariable String id, @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return journal.lire(ConsultationId.de(id), page, acteur).map(EntreeJournalVue::de);
    }

    @GetMapping("/export")
    @Operation(summary = "Exporter le journal d'une consultation en JSON ou en CSV (acheteur, administrateur)",
            description = "Au plus " + Journal.MAX_EXPORT + " entrées par export, à partir du rang « depuis » ;"
                    + " s'il en reste, l'en-tête Link (rel=\"next\") donne l'adresse de la suite. CSV : UTF-8 avec"
                    + " BOM, séparateur « ; », ligne d'en-tête.")
    @ApiResponse(responseCode = "200", description = "Les entrées, dans l'ordre des rangs",
            headers = @Header(name = HttpHeaders.LINK, description = "Suite de l'export, s'il reste des entrées",
                    schema = @Schema(type = "string")),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = EntreeJournalVue.class))),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    void exporter(@PathVariable String id,
            @Parameter(description = "json (par défaut) ou csv", schema = @Schema(type = "string",
                    pattern = "^(json|csv)$", defaultValue = "json"))
            @RequestParam(required = false) String format,
            @Parameter(description = "Rang de la première entrée exportée, à partir de 1", schema = @Schema(
                    type = "integer", format = "int64", minimum = "1", defaultValue = "1"))
            @RequestParam(required = false) Long depuis,
            Acteur acteur, HttpServletResponse reponse) throws IOException {
        boolean csv = csv(format);
        ConsultationId consultation = ConsultationId.de(id);
        Journal.ExportJournal export = journal.exporter(consultation, depuis == null ? 1 : depuis, acteur);
        // Every refusal has been answered above: from here on the answer is a success, written as a stream.
        reponse.setStatus(HttpServletResponse.SC_OK);
        reponse.setContentType(csv ? CSV : MediaType.APPLICATION_JSON_VALUE);
        reponse.setCharacterEncoding(StandardCharsets.UTF_8.name());
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"journal-" + consultation
                + (csv ? ".csv" : ".json") + "\"");
        export.suite().ifPresent(rang -> reponse.setHeader(HttpHeaders.LINK, "</api/marche/consultations/"
                + consultation + "/journal/export?format=" + (csv ? "csv" : "json") + "&depuis=" + rang
                + ">; rel=\"next\""));
        Writer sortie = new BufferedWriter(new OutputStreamWriter(reponse.getOutputStream(), StandardCharsets.UTF_8),
                8192);
        try {
            if (csv) {
                sortie.write(JournalCsv.BOM);
                sortie.write(JournalCsv.EN_TETE);
                export.ecrire(entree -> ecrire(sortie, JournalCsv.ligne(entree)));
            } else {
                sortie.write('[');
                boolean[] premier = {true};
                export.ecrire(entree -> {
                    ecrire(sortie, (premier[0] ? "" : ",") + json.writeValueAsString(EntreeJournalVue.de(entree)));
                    premier[0] = false;
                });
                sortie.write(']');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sortie.flush();
    }

    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Vérifier la chaîne d'empreintes du journal d'une consultation (acheteur, administrateur)",
            description = "Recalcule chaque empreinte : intact si aucune entrée n'a été modifiée, retirée, insérée ou"
                    + " déplacée ; sinon le premier rang où la chaîne est rompue.")
    @ApiResponse(responseCode = "200", description = "Résultat de la vérification")
    VerificationVue verifier(@PathVariable String id, Acteur acteur) {
        return VerificationVue.de(journal.verifier(ConsultationId.de(id), acteur));
    }

    private static boolean csv(String format) {
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new ValeurInvalideException("format", "Le format d'export doit être json ou csv.");
    }

    private static void ecrire(Writer sortie, String texte) {
        try {
            sortie.write(texte);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
