package fr.centraleachat.catalogue.tarif.web;

import fr.centraleachat.catalogue.tarif.application.ContratsPourTarifs;
import fr.centraleachat.catalogue.tarif.application.ServiceTarifs;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.catalogue.tarif.application.format.EcritureCsv;
import fr.centraleachat.catalogue.tarif.application.format.EcritureXlsx;
import fr.centraleachat.catalogue.tarif.domain.Coefficient;
import fr.centraleachat.catalogue.tarif.domain.ReglesTarif;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.support.json.DatesBornees;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A contract's price list: the acheteur imports and revises it; every staff member, agent, supplier and client
 * with {@code data:read} reads it (prices of the centrale's contracts are no secret among its users).
 */
@RestController
@RequestMapping("/api/catalogue/contrats/{numero}/tarifs")
@Tag(name = "Listes de prix", description = "Listes de prix des marchés : import CSV ou XLSX, révisions, historique des "
        + "versions, prix en vigueur à une date, export")
@RolesAutorises(value = {Role.ACHETEUR, Role.ADMIN, Role.AGENT, Role.FOURNISSEUR}, scopes = "data:read")
class TarifsController {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int TAMPON = 64 * 1024;

    private final ServiceTarifs service;
    private final TarifsEnVigueur tarifs;

    TarifsController(ServiceTarifs service, TarifsEnVigueur tarifs) {
        this.service = service;
        this.tarifs = tarifs;
    }

    @PostMapping(path = "/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importer une nouvelle version de la liste de prix (acheteur) : fichier « fichier » (CSV UTF-8 "
            + "séparé par des points-virgules, ou classeur XLSX, reconnu d'après le contenu) et « dateEffet » "
            + "(AAAA-MM-JJ)", description = "Colonnes : référence ; désignation ; unité ; conditionnement (facultatif) ; "
            + "prix unitaire HT (4 décimales au plus) ; taux de TVA (%) ; CPV (facultatif). Tout ou rien : au moindre "
            + "défaut rien n'est importé et chaque cellule fautive est signalée (ligne, colonne).")
    @ApiResponse(responseCode = "201", description = "Version publiée", headers = @Header(name = "Location",
            description = "Adresse de la version", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "Fichier refusé : erreurs par ligne et colonne",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Fichier trop volumineux",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<VersionVue> importer(@PathVariable String numero,
            @RequestPart("fichier") MultipartFile fichier,
            @Parameter(description = "Date d'effet de la version (AAAA-MM-JJ)",
                    schema = @Schema(type = "string", format = "date"))
            @RequestPart("dateEffet") String dateEffet,
            Acteur acteur, UriComponentsBuilder uri) throws IOException {
        ReglesTarif.numeroContrat(numero);
        LocalDate date = DatesBornees.date("dateEffet", dateEffet);
        VersionTarif version;
        try (InputStream flux = fichier.getInputStream()) {
            version = service.importer(numero, date, fichier.getOriginalFilename(), flux, acteur);
        }
        return creee(numero, version, uri);
    }

    @PostMapping(path = "/revisions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Réviser les prix (acheteur) : une nouvelle version dont chaque prix est celui de la version en "
            + "vigueur à la date d'effet multiplié par le coefficient, arrondi à 4 décimales")
    @ApiResponse(responseCode = "201", description = "Version publiée", headers = @Header(name = "Location",
            description = "Adresse de la version", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "Aucune version en vigueur à la date d'effet",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<VersionVue> reviser(@PathVariable String numero, @RequestBody @Valid RevisionRequete requete,
            Acteur acteur, UriComponentsBuilder uri) {
        ReglesTarif.numeroContrat(numero);
        VersionTarif version = service.reviser(numero, new Coefficient(requete.coefficient()), requete.dateEffet(),
                requete.motif(), acteur);
        return creee(numero, version, uri);
    }

    @GetMapping(path = "/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Historique des versions de la liste de prix, dans l'ordre de publication")
    @ApiResponse(responseCode = "200", description = "Les versions publiées (liste vide si aucune)")
    List<VersionVue> versions(@PathVariable String numero) {
        return tarifs.versions(numero).stream().map(VersionVue::de).toList();
    }

    @GetMapping(path = "/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Une version de la liste de prix")
    @ApiResponse(responseCode = "200", description = "La version")
    VersionVue version(@PathVariable String numero, @PathVariable int version) {
        return VersionVue.de(tarifs.version(numero, version));
    }

    @GetMapping(path = "/lignes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Les lignes de la version en vigueur à une date (aujourd'hui par défaut), par page, dans "
            + "l'ordre du fichier importé")
    @ApiResponse(responseCode = "200", description = "La version en vigueur et une page de ses lignes")
    @ApiResponse(responseCode = "404", description = "Aucune version en vigueur à cette date",
            content = @Content(mediaType = "application/problem+json"))
    PageLignesVue lignes(@PathVariable String numero,
            @Parameter(description = "Date (AAAA-MM-JJ) ; aujourd'hui par défaut")
            @RequestParam(required = false) LocalDate date,
            @ParameterObject @Valid PageDemandee page) {
        VersionTarif version = tarifs.exigerVersionEnVigueur(numero, Optional.ofNullable(date));
        PageVue<LigneVue> lignes = tarifs.lignes(version, page).map(LigneVue::de);
        return new PageLignesVue(VersionVue.de(version), lignes.elements(), lignes.page(), lignes.taille(),
                lignes.total());
    }

    @GetMapping(path = "/export.csv", produces = CSV)
    @Operation(summary = "Exporter en CSV (UTF-8, points-virgules, virgule décimale) la version en vigueur à une date "
            + "(aujourd'hui par défaut), réimportable telle quelle")
    @ApiResponse(responseCode = "200", description = "Le fichier CSV", content = @Content(mediaType = CSV,
            schema = @Schema(type = "string", format = "binary")))
    void exporterCsv(@PathVariable String numero,
            @Parameter(description = "Date (AAAA-MM-JJ) ; aujourd'hui par défaut")
            @RequestParam(required = false) LocalDate date, HttpServletResponse reponse) throws IOException {
        VersionTarif version = tarifs.exigerVersionEnVigueur(numero, Optional.ofNullable(date));
        entetes(reponse, CSV + ";charset=UTF-8", nom(numero, version, "csv"));
        try (EcritureCsv csv = new EcritureCsv(reponse.getOutputStream())) {
            tarifs.parcourir(version, csv::ecrire);
        }
    }

    @GetMapping(path = "/export.xlsx", produces = XLSX)
    @Operation(summary = "Exporter en classeur Excel (XLSX) la version en vigueur à une date (aujourd'hui par défaut), "
            + "réimportable telle quelle")
    @ApiResponse(responseCode = "200", description = "Le classeur XLSX", content = @Content(mediaType = XLSX,
            schema = @Schema(type = "string", format = "binary")))
    void exporterXlsx(@PathVariable String numero,
            @Parameter(description = "Date (AAAA-MM-JJ) ; aujourd'hui par défaut")
            @RequestParam(required = false) LocalDate date, HttpServletResponse reponse) throws IOException {
        VersionTarif version = tarifs.exigerVersionEnVigueur(numero, Optional.ofNullable(date));
        entetes(reponse, XLSX, nom(numero, version, "xlsx"));
        OutputStream sortie = new java.io.BufferedOutputStream(reponse.getOutputStream(), TAMPON);
        try (EcritureXlsx xlsx = new EcritureXlsx(sortie, version.publieeLe() == null ? Instant.EPOCH
                : version.publieeLe())) {
            tarifs.parcourir(version, xlsx::ecrire);
            xlsx.terminer();
        }
    }

    @GetMapping(path = "/brouillon-bpu.csv", produces = CSV)
    @Operation(summary = "Brouillon de liste de prix (acheteur) : le CSV d'import pré-rempli des références et prix "
            + "unitaires du BPU du pli retenu, à compléter (désignation, unité, TVA...) puis importer")
    @ApiResponse(responseCode = "200", description = "Le CSV à compléter (en-tête seul si le marché n'a pas de BPU)",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary")))
    @RolesAutorises({Role.ACHETEUR})
    void brouillon(@PathVariable String numero, Acteur acteur, HttpServletResponse reponse) throws IOException {
        List<ContratsPourTarifs.PrixBpu> prix = service.brouillon(numero, acteur);
        entetes(reponse, CSV + ";charset=UTF-8", "brouillon-tarif-" + numero + ".csv");
        try (EcritureCsv csv = new EcritureCsv(reponse.getOutputStream())) {
            prix.forEach(p -> csv.ecrireBrouillon(p.reference(), p.prixUnitaireHt()));
        }
    }

    private static ResponseEntity<VersionVue> creee(String numero, VersionTarif version, UriComponentsBuilder uri) {
        return ResponseEntity.created(uri.path("/api/catalogue/contrats/{numero}/tarifs/versions/{version}")
                .buildAndExpand(numero, version.numero()).toUri()).body(VersionVue.de(version));
    }

    private static void entetes(HttpServletResponse reponse, String type, String nom) {
        reponse.setContentType(type);
        reponse.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(nom).build()
                .toString());
        reponse.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String nom(String numero, VersionTarif version, String extension) {
        return "tarif-" + numero + "-v" + version.numero() + "." + extension;
    }
}
