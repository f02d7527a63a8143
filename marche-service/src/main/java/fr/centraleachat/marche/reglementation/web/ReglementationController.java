package fr.centraleachat.marche.reglementation.web;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.marche.reglementation.SeuilsEnVigueur;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only answers on the rules: which procedure applies, the earliest lawful DLRO. Open to any caller. */
@RestController
@RequestMapping(path = "/api/marche/reglementation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Réglementation", description = "Seuils de procédure et délais réglementaires")
class ReglementationController {

    private final GrilleDesSeuils seuils;
    private final DelaisReglementaires delais;
    private final Clock horloge;

    ReglementationController(GrilleDesSeuils seuils, DelaisReglementaires delais, Clock horloge) {
        this.seuils = seuils;
        this.delais = delais;
        this.horloge = horloge;
    }

    record ProcedureVue(Procedure procedure, String libelle, boolean publiciteBoampOuJalRequise, SeuilsVue seuils) {
    }

    /** Thresholds (euros HT) in force on the launch date, for the nature asked. */
    record SeuilsVue(LocalDate dateEffet, BigDecimal dispense, BigDecimal europeen, BigDecimal publiciteMapa) {
    }

    record PremiereDlroVue(LocalDate premiereDlro, int delaiMinimalEnJours) {
    }

    record FamilleAchatVue(FamilleAchat code, String libelle) {
    }

    /** The one list of familles d'achat every service uses (adhésions, consultations, catalogue). */
    @GetMapping("/familles-achat")
    @Operation(summary = "Familles d'achat de la centrale (codes et libellés)")
    @ApiResponse(responseCode = "200", description = "Toutes les familles d'achat, dans l'ordre du référentiel")
    java.util.List<FamilleAchatVue> famillesAchat() {
        return java.util.Arrays.stream(FamilleAchat.values()).map(f -> new FamilleAchatVue(f, f.libelle())).toList();
    }

    @GetMapping("/procedure")
    @Operation(summary = "Procédure applicable selon la nature, la valeur estimée totale (€ HT) et la date de lancement")
    @ApiResponse(responseCode = "200", description = "Procédure, publicité BOAMP/JAL requise et seuils en vigueur")
    ProcedureVue procedure(@RequestParam Nature nature, @RequestParam BigDecimal valeurEstimee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Montant valeur = montant(valeurEstimee);
        LocalDate lancement = date != null ? date : HeureDeParis.date(horloge.instant());
        SeuilsEnVigueur enVigueur;
        try {
            enVigueur = seuils.seuilsAu(lancement);
        } catch (ValeurInvalideException e) {
            throw new ValeurInvalideException("date", e.getMessage());
        }
        Procedure procedure = enVigueur.procedurePour(nature, valeur);
        return new ProcedureVue(procedure, procedure.libelle(), enVigueur.publiciteBoampOuJalRequise(nature, valeur),
                new SeuilsVue(enVigueur.dateEffet(), enVigueur.seuilDispense(nature).valeurHt(),
                        enVigueur.seuilEuropeen(nature).valeurHt(), enVigueur.publiciteMapa().valeurHt()));
    }

    @GetMapping("/premiere-dlro")
    @Operation(summary = "Première date limite de remise des offres possible pour une publication donnée")
    @ApiResponse(responseCode = "200", description = "Première DLRO légale et délai minimal appliqué")
    PremiereDlroVue premiereDlro(@RequestParam Procedure procedure,
            @RequestParam(required = false) String publication,
            @RequestParam(required = false) DelaiReduit delaiReduit) {
        Instant instant = publication == null || publication.isBlank() ? horloge.instant() : instant(publication);
        DelaiReduit motif = delaiReduit == null ? DelaiReduit.NONE : delaiReduit;
        return new PremiereDlroVue(delais.premiereDlroPossible(procedure, instant, motif),
                delais.delaiMinimalEnJours(procedure, motif));
    }

    private static Montant montant(BigDecimal valeur) {
        try {
            return new Montant(valeur);
        } catch (ValeurInvalideException e) {
            throw new ValeurInvalideException("valeurEstimee", e.getMessage());
        }
    }

    /**
     * Accepts an instant in UTC ({@code ...Z}) or with an offset ({@code ...+01:00}); an unencoded "+" arrives as
     * a space and is restored.
     */
    private static Instant instant(String texte) {
        // Bounded like every date the services read: a year beyond 2199 is refused, not computed.
        return fr.centraleachat.support.json.DatesBornees.instant("publication", texte.replace(' ', '+'));
    }
}
