package fr.centraleachat.catalogue.recherche.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One page of items found, the number of all of them, and how they spread over each facet.
 *
 * @param articles the page, in the order asked
 * @param total every item matching, all pages together
 */
public record ResultatRecherche(List<Article> articles, long total, Facettes facettes) {

    public ResultatRecherche {
        articles = List.copyOf(articles);
    }

    /**
     * An item of a price list in force, with the contract it belongs to.
     *
     * @param surlignage the designation, HTML-escaped, with the words that matched between {@code <em>} and
     *     {@code </em>}
     */
    public record Article(String numeroContrat, String reference, String designation, String unite,
            String conditionnement, BigDecimal prixUnitaireHt, BigDecimal tauxTva, String cpv, String surlignage) {
    }

    /** A value of a facet and how many results have it; {@code libelle} is its name when the value is a code. */
    public record Valeur(String valeur, String libelle, long nombre) {
    }

    public record Tranche(TranchePrix tranche, long nombre) {
    }

    /** The most frequent values of each facet among all the results (not only the page), most frequent first. */
    public record Facettes(List<Valeur> familleAchat, List<Valeur> divisionCpv, List<Valeur> titulaire,
            List<Valeur> contrat, List<Valeur> unite, List<Tranche> tranchesPrix) {

        public static final Facettes AUCUNE = new Facettes(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());

        public Facettes {
            familleAchat = List.copyOf(familleAchat);
            divisionCpv = List.copyOf(divisionCpv);
            titulaire = List.copyOf(titulaire);
            contrat = List.copyOf(contrat);
            unite = List.copyOf(unite);
            tranchesPrix = List.copyOf(tranchesPrix);
        }
    }
}
