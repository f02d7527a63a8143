package fr.centraleachat.catalogue.contrat.application;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.NumeroMarche;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import org.springframework.stereotype.Service;

/**
 * Who sees which contract: staff and information systems (scope {@code data:read}) all of them, an agent those its
 * member benefits from, a supplier those it holds. Any other contract is answered as unknown.
 */
@Service
public class ContratsVisibles {

    private final Contrats contrats;

    public ContratsVisibles(Contrats contrats) {
        this.contrats = contrats;
    }

    public PageVue<Contrat> lister(Acteur acteur, PageDemandee page) {
        return contrats.lister(perimetre(acteur), page);
    }

    public Contrat consulter(String numero, Acteur acteur) {
        Contrats.Perimetre perimetre = perimetre(acteur);
        if (!NumeroMarche.estValide(numero)) {
            throw new RessourceIntrouvableException("Contrat " + numero + " introuvable : un numéro de marché "
                    + "s'écrit AAAA-NNNN-Lk.");
        }
        return contrats.trouver(numero)
                .filter(c -> perimetre.beneficiaire() == null || c.estBeneficiaire(perimetre.beneficiaire()))
                .filter(c -> perimetre.titulaire() == null || c.estTitulaire(perimetre.titulaire()))
                .orElseThrow(() -> new RessourceIntrouvableException("Contrat " + numero + " introuvable."));
    }

    /** The contracts the caller may see: all, those its member body benefits from, or those it holds. */
    public static Contrats.Perimetre perimetre(Acteur acteur) {
        if (acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN) || acteur.scopes().contains("data:read")) {
            return Contrats.Perimetre.TOUS;
        }
        if (acteur.a(Role.AGENT)) {
            return new Contrats.Perimetre(acteur.membreDeLAgent(), null);
        }
        if (acteur.a(Role.FOURNISSEUR)) {
            return new Contrats.Perimetre(null, acteur.siret().orElseThrow(() -> new AccesRefuseException(
                    "Votre jeton ne désigne aucune entreprise (claim « siret » absent).")));
        }
        throw new AccesRefuseException("Les contrats sont consultables par l'acheteur, les agents des membres "
                + "bénéficiaires et les titulaires.");
    }
}
