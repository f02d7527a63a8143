package fr.centraleachat.catalogue.recherche.application;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import java.util.List;

/**
 * One page of a search as the caller may see it: each item with its contract, the contract's status today and, for
 * an agent, whether its body subscribed to it.
 */
public record PageRecherche(List<Element> elements, ResultatRecherche.Facettes facettes, int page, int taille,
        long total) {

    public PageRecherche {
        elements = List.copyOf(elements);
    }

    /**
     * @param contrat the contract as indexed; null only if it left the index since the search ran
     * @param souscrit for an agent, whether its body holds an active subscription to the contract; null otherwise
     */
    public record Element(ResultatRecherche.Article article, ContratIndexe contrat, StatutContrat statut,
            Boolean souscrit) {
    }
}
