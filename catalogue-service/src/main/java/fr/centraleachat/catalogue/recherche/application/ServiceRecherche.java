package fr.centraleachat.catalogue.recherche.application;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.application.ContratsVisibles;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import fr.centraleachat.catalogue.souscription.application.Souscriptions;
import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.catalogue.souscription.domain.StatutSouscription;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.json.DatesBornees;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import fr.centraleachat.support.web.Problemes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Searches the items of the price lists in force, only among the contracts open to the caller: the acheteur,
 * administrators and information systems ({@code data:read}) all of them, an agent those its body benefits from
 * (each flagged when its body subscribed to it), a supplier those it holds: the same rule as the contracts' reads.
 */
@Service
public class ServiceRecherche {

    /** Subscriptions of one body read for the flags, at most (far more than a body holds). */
    private static final int SOUSCRIPTIONS_MAX = 10_000;

    private final IndexArticles index;
    private final Souscriptions souscriptions;
    private final Clock horloge;

    public ServiceRecherche(IndexArticles index, Souscriptions souscriptions, Clock horloge) {
        this.index = index;
        this.souscriptions = souscriptions;
        this.horloge = horloge;
    }

    public PageRecherche rechercher(CritereRecherche critere, Acteur acteur) {
        Contrats.Perimetre perimetre = ContratsVisibles.perimetre(acteur);
        if (!index.pret()) {
            ErrorResponseException indisponible = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
                    Problemes.probleme(HttpStatus.SERVICE_UNAVAILABLE, "Service indisponible", "L'index de recherche "
                            + "de cette instance est en cours de construction : réessayez dans quelques instants."),
                    null);
            indisponible.getHeaders().set("Retry-After", "30");
            throw indisponible;
        }
        LocalDate aujourdhui = LocalDate.ofInstant(horloge.instant(), DatesBornees.PARIS);
        ResultatRecherche resultat = index.rechercher(critere, perimetre, aujourdhui);
        Set<String> souscrits = perimetre.beneficiaire() != null && acteur.a(Role.AGENT)
                ? souscritsPar(perimetre.beneficiaire()) : null;
        List<PageRecherche.Element> elements = resultat.articles().stream().map(article -> {
            ContratIndexe contrat = index.contrat(article.numeroContrat()).orElse(null);
            return new PageRecherche.Element(article, contrat, contrat == null ? null : contrat.statut(aujourdhui),
                    souscrits == null ? null : souscrits.contains(article.numeroContrat()));
        }).toList();
        return new PageRecherche(elements, resultat.facettes(), critere.page(), critere.taille(), resultat.total());
    }

    /** The contracts the body holds an active subscription to. */
    private Set<String> souscritsPar(Siren membre) {
        Set<String> contrats = new HashSet<>();
        int taille = PageDemandee.MAX_TAILLE;
        for (int page = 0; (long) page * taille < SOUSCRIPTIONS_MAX; page++) {
            PageVue<Souscription> lues = souscriptions.lister(membre, null, new PageDemandee(page, taille));
            lues.elements().stream().filter(s -> s.statut() == StatutSouscription.ACTIVE)
                    .forEach(s -> contrats.add(s.numeroContrat()));
            if ((long) (page + 1) * taille >= lues.total()) {
                break;
            }
        }
        return contrats;
    }
}
