package fr.centraleachat.catalogue.commande.web;

import fr.centraleachat.catalogue.commande.application.ServiceCommandes;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.NumeroMarche;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping(path = "/api/catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bons de commande", description = "Commandes des membres souscripteurs sur les accords-cadres à bons de "
        + "commande, dans la limite de leur maximum")
class BonsDeCommandeController {

    private static final Pattern BON = Pattern.compile("\\d{9}-\\d{4}-\\d{5,9}");

    private final ServiceCommandes service;

    BonsDeCommandeController(ServiceCommandes service) {
        this.service = service;
    }

    @PostMapping(path = "/contrats/{numero}/bons-de-commande", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rédiger un bon de commande (brouillon) sur un contrat actif auquel son organisme a souscrit : "
            + "lignes (référence, quantité) aux prix de la liste en vigueur ce jour, adresse de livraison (agent)")
    @ApiResponse(responseCode = "201", description = "Bon de commande en brouillon, avec ses montants HT, TVA, TTC")
    @RolesAutorises({Role.AGENT})
    ResponseEntity<BonDeCommandeVue> rediger(@PathVariable String numero,
            @Valid @RequestBody CommandeRequetes.BonRequete requete, Acteur acteur) {
        BonDeCommandeVue vue = BonDeCommandeVue.de(service.rediger(contrat(numero), requete.lignes().stream()
                .map(l -> new ServiceCommandes.LigneDemandee(l.reference().strip(), l.quantite())).toList(),
                requete.adresseLivraison(), acteur));
        return ResponseEntity.created(URI.create("/api/catalogue/bons-de-commande/" + vue.numero())).body(vue);
    }

    @PostMapping("/bons-de-commande/{numero}/emission")
    @Operation(summary = "Émettre un bon en brouillon : son montant est imputé sur le maximum du contrat (409 avec le "
            + "montant restant s'il le dépasse) ; alertes de consommation à 80 et 100 % (agent)")
    @ApiResponse(responseCode = "200", description = "Bon émis")
    @RolesAutorises({Role.AGENT})
    BonDeCommandeVue emettre(@PathVariable String numero, Acteur acteur) {
        return BonDeCommandeVue.de(service.emettre(bon(numero), acteur));
    }

    @PostMapping(path = "/bons-de-commande/{numero}/livraison", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enregistrer la livraison d'un bon émis (agent)")
    @ApiResponse(responseCode = "200", description = "Bon livré")
    @RolesAutorises({Role.AGENT})
    BonDeCommandeVue livrer(@PathVariable String numero, @Valid @RequestBody CommandeRequetes.LivraisonRequete requete,
            Acteur acteur) {
        return BonDeCommandeVue.de(service.livrer(bon(numero), requete.dateLivraison(), acteur));
    }

    @PostMapping(path = "/bons-de-commande/{numero}/annulation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Annuler un bon émis et non livré : son montant revient au maximum du contrat (agent de "
            + "l'organisme, acheteur)")
    @ApiResponse(responseCode = "200", description = "Bon annulé")
    @RolesAutorises({Role.AGENT, Role.ACHETEUR})
    BonDeCommandeVue annuler(@PathVariable String numero,
            @Valid @RequestBody CommandeRequetes.AnnulationRequete requete, Acteur acteur) {
        return BonDeCommandeVue.de(service.annuler(bon(numero), requete.motif(), acteur));
    }

    @GetMapping("/bons-de-commande")
    @Operation(summary = "Lister les bons de commande : tous pour l'acheteur, ceux de son organisme pour un agent, ceux "
            + "de ses contrats pour un titulaire ; les plus récents d'abord")
    @ApiResponse(responseCode = "200", description = "Une page de bons de commande")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN, Role.AGENT, Role.FOURNISSEUR})
    PageVue<BonDeCommandeVue> lister(
            @Parameter(description = "Numéro de contrat (ex. 2027-0042-L1)") @RequestParam(required = false) String contrat,
            @ParameterObject @Valid PageDemandee page, Acteur acteur) {
        return service.lister(contrat == null ? null : contrat(contrat), acteur, page).map(BonDeCommandeVue::de);
    }

    @GetMapping("/bons-de-commande/{numero}")
    @Operation(summary = "Consulter un bon de commande (acheteur, agent de l'organisme, titulaire du contrat)")
    @ApiResponse(responseCode = "200", description = "Le bon de commande")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN, Role.AGENT, Role.FOURNISSEUR})
    BonDeCommandeVue consulter(@PathVariable String numero, Acteur acteur) {
        if (!BON.matcher(numero).matches()) {
            throw new RessourceIntrouvableException("Bon de commande " + numero + " introuvable.");
        }
        return BonDeCommandeVue.de(service.consulter(numero, acteur));
    }

    @GetMapping(path = "/bons-de-commande/{numero}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le bon de commande en PDF, pour le titulaire (acheteur, agent de l'organisme, titulaire)")
    @ApiResponse(responseCode = "200", description = "Le bon de commande en PDF")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN, Role.AGENT, Role.FOURNISSEUR})
    ResponseEntity<StreamingResponseBody> pdf(@PathVariable String numero, Acteur acteur) {
        if (!BON.matcher(numero).matches()) {
            throw new RessourceIntrouvableException("Bon de commande " + numero + " introuvable.");
        }
        var bon = service.consulter(numero, acteur);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bon-de-commande-" + numero + ".pdf\"")
                .body(sortie -> BonDeCommandePdf.ecrire(bon, sortie));
    }

    /** Consumption of a contract per member and the forecast of the day its maximum is reached. */
    record SuiviVue(String numeroContrat, BigDecimal maximumHt, BigDecimal consommeHt, BigDecimal restantHt,
            BigDecimal tauxPourcent, List<Integer> seuilsAtteints, Map<String, BigDecimal> consommationParMembre,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Date à laquelle le maximum serait atteint au "
                    + "rythme observé depuis le début du contrat ; absente sans consommation ou après la fin du contrat")
            LocalDate maximumAtteintLe) {
    }

    @GetMapping("/contrats/{numero}/suivi")
    @Operation(summary = "Suivre la consommation d'un contrat : par membre, seuils atteints, date prévisible "
            + "d'atteinte du maximum (acheteur)")
    @ApiResponse(responseCode = "200", description = "Le suivi de consommation")
    @RolesAutorises({Role.ACHETEUR, Role.ADMIN})
    SuiviVue suivi(@PathVariable String numero, Acteur acteur) {
        ServiceCommandes.Suivi suivi = service.suivi(contrat(numero), acteur);
        var c = suivi.contrat().consommation();
        Map<String, BigDecimal> parMembre = new java.util.LinkedHashMap<>();
        suivi.parMembre().forEach((siren, montant) -> parMembre.put(siren.valeur(), montant));
        return new SuiviVue(suivi.contrat().numero(), c.maximum().valeurHt(), c.consomme().valeurHt(),
                c.restant().valeurHt(), c.tauxPourcent(), List.copyOf(c.seuilsAtteints()), parMembre,
                suivi.maximumAtteintLe());
    }

    private static String contrat(String numero) {
        return new NumeroMarche(numero).valeur();
    }

    private static String bon(String numero) {
        if (!BON.matcher(numero).matches()) {
            throw new ValeurInvalideException("numero", "Un numéro de bon de commande s'écrit SIREN-AAAA-NNNNN.");
        }
        return numero;
    }
}
