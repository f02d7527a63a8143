package fr.centraleachat.catalogue.recherche.web;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.recherche.application.PageRecherche;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** One page of search results with the facets of all of them. */
@Schema(name = "ResultatsRecherche")
record RechercheVue(List<ArticleVue> elements, FacettesVue facettes, int page, int taille,
        @Schema(description = "Nombre de résultats, toutes pages confondues") long total) {

    @Schema(name = "ArticleTrouve")
    record ArticleVue(String reference, String designation, String unite, String conditionnement,
            BigDecimal prixUnitaireHt, BigDecimal tauxTva, String cpv, ContratVue contrat,
            @Schema(description = "La désignation échappée pour HTML, les mots trouvés entre <em> et </em>")
            String surlignage) {
    }

    @Schema(name = "ContratDeLArticle")
    record ContratVue(String numero, String objet, TitulaireVue titulaire, String familleAchat,
            StatutContrat statut,
            @Schema(description = "Pour un agent : son organisme a souscrit au contrat (absent pour les autres)")
            Boolean souscrit) {
    }

    @Schema(name = "TitulaireDeLArticle")
    record TitulaireVue(String siret, String raisonSociale) {
    }

    @Schema(name = "FacettesRecherche", description = "Les valeurs les plus fréquentes parmi tous les résultats")
    record FacettesVue(List<ValeurVue> familleAchat, List<ValeurVue> divisionCpv, List<ValeurVue> titulaire,
            List<ValeurVue> contrat, List<ValeurVue> unite, List<TrancheVue> tranchesPrix) {
    }

    @Schema(name = "ValeurDeFacette")
    record ValeurVue(String valeur, String libelle, long nombre) {
    }

    @Schema(name = "TranchePrix", description = "Prix unitaire HT de min (inclus) à max (exclu)")
    record TrancheVue(String valeur, String libelle, BigDecimal min, BigDecimal max, long nombre) {
    }

    static RechercheVue de(PageRecherche page) {
        return new RechercheVue(page.elements().stream().map(RechercheVue::article).toList(),
                facettes(page.facettes()), page.page(), page.taille(), page.total());
    }

    private static ArticleVue article(PageRecherche.Element e) {
        ResultatRecherche.Article a = e.article();
        ContratIndexe c = e.contrat();
        ContratVue contrat = c == null ? new ContratVue(a.numeroContrat(), null, null, null, null, e.souscrit())
                : new ContratVue(c.numero(), c.objet(), new TitulaireVue(c.titulaireSiret(), c.titulaireNom()),
                        c.familleAchat() == null ? null : c.familleAchat().name(), e.statut(), e.souscrit());
        return new ArticleVue(a.reference(), a.designation(), a.unite(), a.conditionnement(), a.prixUnitaireHt(),
                a.tauxTva(), a.cpv(), contrat, a.surlignage());
    }

    private static FacettesVue facettes(ResultatRecherche.Facettes f) {
        return new FacettesVue(valeurs(f.familleAchat()), valeurs(f.divisionCpv()), valeurs(f.titulaire()),
                valeurs(f.contrat()), valeurs(f.unite()), f.tranchesPrix().stream()
                .map(t -> new TrancheVue(t.tranche().valeur(), t.tranche().libelle(), t.tranche().min(),
                        t.tranche().max(), t.nombre())).toList());
    }

    private static List<ValeurVue> valeurs(List<ResultatRecherche.Valeur> valeurs) {
        return valeurs.stream().map(v -> new ValeurVue(v.valeur(), v.libelle(), v.nombre())).toList();
    }
}
