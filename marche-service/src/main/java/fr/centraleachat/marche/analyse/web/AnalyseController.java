package fr.centraleachat.marche.analyse.web;

import fr.centraleachat.marche.analyse.application.RapportAnalyse;
import fr.centraleachat.marche.analyse.application.ServiceAnalyse;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Note;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping(path = "/api/marche/consultations/{id}/lots/{lot}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analyse et attribution", description = "Analyse des offres d'un lot après l'ouverture des plis, "
        + "attribution, infructuosité, lettres de rejet")
class AnalyseController {

    private final ServiceAnalyse service;

    AnalyseController(ServiceAnalyse service) {
        this.service = service;
    }

    @GetMapping("/analyse")
    @Operation(summary = "L'analyse d'un lot : offres, notes, classement, offres anormalement basses, décisions "
            + "(après l'ouverture des plis)")
    @ApiResponse(responseCode = "200", description = "L'analyse du lot")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    AnalyseVue analyse(@PathVariable String id, @PathVariable int lot, Acteur acteur) {
        return AnalyseVue.de(service.analyse(id, lot, acteur));
    }

    @PostMapping(path = "/analyse/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Noter une offre sur un critère autre que le prix (0 à la pondération, motivé)")
    @ApiResponse(responseCode = "200", description = "L'analyse mise à jour")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue noter(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.NoteRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.noter(id, lot, requete.numeroPli(), requete.critere(),
                new Note(requete.note(), requete.commentaire()), acteur));
    }

    @PostMapping(path = "/analyse/exclusions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exclure une offre irrégulière, inacceptable ou inappropriée, avec sa raison")
    @ApiResponse(responseCode = "200", description = "L'analyse mise à jour")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue exclure(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.ExclusionRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.exclure(id, lot, requete.numeroPli(),
                new Offre.Exclusion(requete.motif(), requete.raison()), acteur));
    }

    @PostMapping(path = "/analyse/offres-anormalement-basses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Décider d'une offre détectée anormalement basse : justifiée (conservée) ou non (exclue)")
    @ApiResponse(responseCode = "200", description = "L'analyse mise à jour")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue examinerPrixBas(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.PrixBasRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.examinerPrixBas(id, lot, requete.numeroPli(),
                new Offre.DecisionPrixBas(requete.justifiee(), requete.raison()), acteur));
    }

    @PostMapping(path = "/attribution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attribuer le lot : à l'offre classée première, ou à une autre avec une justification")
    @ApiResponse(responseCode = "200", description = "Lot attribué")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue attribuer(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.AttributionRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.attribuer(id, lot, requete.numeroPli(), requete.justification(), acteur));
    }

    @PostMapping(path = "/infructueux", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Déclarer le lot infructueux (aucune offre admise), avec sa raison")
    @ApiResponse(responseCode = "200", description = "Lot infructueux")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue infructueux(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.InfructueuxRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.declarerInfructueux(id, lot, requete.raison(), acteur));
    }

    @PostMapping(path = "/notification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Notifier le marché du lot attribué, après le délai de suspension : le marché est créé "
            + "(numéro, titulaire, forme, montants, durée, bénéficiaires, prix du BPU) et annoncé (MarcheNotifie)")
    @ApiResponse(responseCode = "200", description = "Marché notifié : l'analyse du lot avec son marché")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue notifier(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.NotificationRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.notifier(id, lot, new ServiceAnalyse.Notification(requete.forme(),
                requete.formePrix(), requete.montantMaximumHt(), requete.montantMinimumHt(), requete.dureeMois(),
                requete.dateDebut()), acteur));
    }

    @PostMapping(path = "/avenants", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Conclure un avenant au marché notifié du lot, dans les limites de sa base légale (R2194-1 à"
            + " R2194-9) : de minimis cumulés sous 10 % (15 % en travaux) et sous le seuil européen, prestations"
            + " supplémentaires ou circonstances imprévues à 50 % au plus ; annoncé (AvenantConclu) et journalisé")
    @ApiResponse(responseCode = "201", description = "Avenant conclu : l'analyse du lot avec ses avenants, le montant"
            + " et la fin du marché à jour")
    @ApiResponse(responseCode = "400", description = "Limite dépassée (le calcul est donné) ou dates incohérentes")
    @ApiResponse(responseCode = "409", description = "Marché non notifié ou résilié")
    @RolesAutorises({Role.ACHETEUR})
    ResponseEntity<AnalyseVue> conclureAvenant(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.AvenantRequete requete, Acteur acteur) {
        AnalyseVue vue = AnalyseVue.de(service.conclureAvenant(id, lot, requete.baseLegale(), requete.montantHt(),
                requete.nouvelleDateFin(), requete.justification(), requete.date(), acteur));
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(vue);
    }

    @PostMapping(path = "/resiliation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Résilier le marché notifié du lot à compter d'une date (entre son début et sa fin), avec son "
            + "motif : plus aucune commande à partir de cette date ; annoncé (MarcheResilie) et journalisé")
    @ApiResponse(responseCode = "200", description = "Marché résilié : l'analyse du lot avec sa résiliation")
    @ApiResponse(responseCode = "409", description = "Marché non notifié ou déjà résilié")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue resilier(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.ResiliationRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.resilier(id, lot, requete.dateEffet(), requete.motif(), acteur));
    }

    @PostMapping(path = "/rejets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enregistrer l'envoi des lettres de rejet : le délai de suspension commence (R2182-1)")
    @ApiResponse(responseCode = "200", description = "Envoi enregistré, fin du délai de suspension s'il y en a un")
    @RolesAutorises({Role.ACHETEUR})
    AnalyseVue rejets(@PathVariable String id, @PathVariable int lot,
            @Valid @RequestBody DecisionsRequetes.RejetsRequete requete, Acteur acteur) {
        return AnalyseVue.de(service.envoyerRejets(id, lot, requete.electronique(), acteur));
    }

    @GetMapping("/rapport-analyse")
    @Operation(summary = "Rapport d'analyse des offres du lot (JSON) : méthode, notes motivées par critère, classement, "
            + "offres anormalement basses et décisions, exclusions, attribution ; provisoire tant que le lot est ouvert")
    @ApiResponse(responseCode = "200", description = "Le rapport d'analyse")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    RapportAnalyse rapport(@PathVariable String id, @PathVariable int lot, Acteur acteur) {
        return service.rapport(id, lot, acteur);
    }

    @GetMapping(path = "/rapport-analyse.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Rapport d'analyse des offres du lot (PDF)")
    @ApiResponse(responseCode = "200", description = "Le rapport d'analyse en PDF")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    ResponseEntity<StreamingResponseBody> rapportPdf(@PathVariable String id, @PathVariable int lot, Acteur acteur) {
        RapportAnalyse rapport = service.rapport(id, lot, acteur);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rapport-analyse-" + id + "-lot-" + lot
                        + ".pdf\"")
                .body(sortie -> RapportAnalysePdf.ecrire(rapport, sortie));
    }

    @GetMapping(path = "/rejets/{numeroPli}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "La lettre de rejet envoyée à une offre non retenue (PDF, telle qu'envoyée) : à l'acheteur, "
            + "à l'administrateur et au soumissionnaire destinataire")
    @ApiResponse(responseCode = "200", description = "La lettre de rejet en PDF ; son SHA-256 en ETag")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN, Role.FOURNISSEUR})
    ResponseEntity<StreamingResponseBody> lettreDeRejet(@PathVariable String id, @PathVariable int lot,
            @PathVariable String numeroPli, Acteur acteur) {
        AnalyseLot.LettreDeRejet lettre = service.lettreDeRejet(id, lot, numeroPli, acteur);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .contentLength(lettre.fichier().taille())
                .eTag("\"" + lettre.fichier().sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + lettre.fichier().nom() + "\"")
                .body(sortie -> service.lire(lettre, sortie));
    }
}
