package fr.centraleachat.catalogue.recherche.web;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.recherche.application.ServiceRecherche;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.security.RolesAutorises;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalogue/recherche")
@Tag(name = "Recherche", description = "Recherche en texte intégral dans les articles des listes de prix en vigueur, "
        + "parmi les contrats ouverts à l'appelant, avec facettes")
class RechercheController {

    private final ServiceRecherche service;

    RechercheController(ServiceRecherche service) {
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rechercher des articles : par leurs mots (désignation, référence, objet du contrat, "
            + "titulaire, famille d'achat, division CPV), filtrés et triés, parmi les contrats visibles (tous pour "
            + "l'acheteur, ceux dont son organisme est bénéficiaire pour un agent, les siens pour un titulaire)",
            description = "Analyse française : articles élidés (« l'agrafeuse »), accents (« cafe » trouve « café »), "
                    + "pluriels et terminaisons (« fournitures » trouve « fourniture »), une faute de frappe tolérée "
                    + "à partir de 5 lettres (deux au-delà de 8). Chaque mot doit être trouvé. Par défaut, seuls les "
                    + "contrats non terminés (ACTIF, A_VENIR) ; les prix sont ceux de la version en vigueur.")
    @ApiResponse(responseCode = "200", description = "Une page de résultats et les facettes de tous les résultats")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Index de recherche de l'instance en cours de construction",
            content = @Content(mediaType = "application/problem+json"))
    @RolesAutorises(value = {Role.ACHETEUR, Role.ADMIN, Role.AGENT, Role.FOURNISSEUR}, scopes = "data:read")
    RechercheVue rechercher(
            @Parameter(description = "Mots recherchés (200 caractères et 12 mots au plus ; lettres, chiffres, espaces "
                    + "et ponctuation courante)", schema = @Schema(type = "string", maxLength = 200))
            @RequestParam(required = false) String q,
            @Parameter(description = "Famille d'achat du contrat", schema = @Schema(implementation = FamilleAchat.class))
            @RequestParam(required = false) String famille,
            @Parameter(description = "Division CPV de l'article (2 chiffres, ex. 30)")
            @RequestParam(required = false) String divisionCpv,
            @Parameter(description = "SIRET du titulaire du contrat")
            @RequestParam(required = false) String titulaire,
            @Parameter(description = "Numéro du contrat (ex. 2027-0042-L1)")
            @RequestParam(required = false) String contrat,
            @Parameter(description = "Unité de vente (ex. boîte), sans égard à la casse")
            @RequestParam(required = false) String unite,
            @Parameter(description = "Prix unitaire HT minimum, inclus (€, 4 décimales au plus)",
                    schema = @Schema(type = "number"))
            @RequestParam(required = false) String prixMin,
            @Parameter(description = "Prix unitaire HT maximum, inclus (€, 4 décimales au plus)",
                    schema = @Schema(type = "number"))
            @RequestParam(required = false) String prixMax,
            @Parameter(description = "Statut du contrat ce jour ; par défaut ACTIF et A_VENIR",
                    schema = @Schema(implementation = StatutContrat.class))
            @RequestParam(required = false) String statut,
            @Parameter(description = "Ordre : pertinence (par défaut), prix_asc ou prix_desc")
            @RequestParam(required = false) String tri,
            @Parameter(description = "Numéro de page, à partir de 0 ; (page + 1) × taille ≤ 10 000",
                    schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) Integer page,
            @Parameter(description = "Résultats par page", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "200", defaultValue = "20"))
            @RequestParam(required = false) Integer taille,
            Acteur acteur) {
        CritereRecherche critere = CritereRecherche.depuis(q, famille, divisionCpv, titulaire, contrat, unite,
                prixMin, prixMax, statut, tri, page, taille);
        return RechercheVue.de(service.rechercher(critere, acteur));
    }
}
