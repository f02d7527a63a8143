package fr.centraleachat.catalogue.contrat.application;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.Optional;

/** The contracts the catalogue knows, with their consumption. */
public interface Contrats {

    Optional<Contrat> trouver(String numero);

    /** Records a notified marché once per event; its consumption, if it already exists, is left untouched. */
    boolean enregistrerNotification(Contrat contrat, String evenementId);

    /** Who may see which contracts: all of them, those a member benefits from, or those of a titulaire. */
    record Perimetre(Siren beneficiaire, Siret titulaire) {
        public static final Perimetre TOUS = new Perimetre(null, null);
    }

    PageVue<Contrat> lister(Perimetre perimetre, PageDemandee page);
}
