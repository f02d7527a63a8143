package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.alerte.domain.AlertesFournisseur;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A supplier's alert profiles: each supplier (its token's SIRET) sees and changes its own only; another supplier's
 * profile does not exist for it (404).
 */
@Service
public class ServiceAlertes {

    /** A change that lost a race is replayed on the profiles as they now are, its checks run again. */
    private static final int ESSAIS = 5;

    private final AlertesDesFournisseurs alertes;
    private final Clock horloge;

    ServiceAlertes(AlertesDesFournisseurs alertes, Clock horloge) {
        this.alertes = alertes;
        this.horloge = horloge;
    }

    public ProfilAlerte creer(ContenuProfil contenu, Acteur acteur) {
        String id = UUID.randomUUID().toString();
        return changer(acteur, a -> a.ajouter(id, contenu.libelle(), contenu.email(), contenu.criteres(),
                horloge.instant()));
    }

    public ProfilAlerte modifier(String id, ContenuProfil contenu, Acteur acteur) {
        return changer(acteur, a -> a.modifier(id, contenu.libelle(), contenu.email(), contenu.criteres(),
                horloge.instant()));
    }

    public void supprimer(String id, Acteur acteur) {
        changer(acteur, a -> {
            a.supprimer(id);
            return null;
        });
    }

    /** The supplier's profiles in creation order. */
    public PageVue<ProfilAlerte> lister(PageDemandee page, Acteur acteur) {
        return PageVue.de(alertes.trouver(fournisseur(acteur)).map(AlertesFournisseur::profils)
                .orElse(java.util.List.of()), page);
    }

    public ProfilAlerte consulter(String id, Acteur acteur) {
        return alertes.trouver(fournisseur(acteur)).flatMap(a -> a.profil(id))
                .orElseThrow(() -> new RessourceIntrouvableException("Profil d'alerte " + id + " introuvable."));
    }

    private <T> T changer(Acteur acteur, Function<AlertesFournisseur, T> changement) {
        Siret fournisseur = fournisseur(acteur);
        for (int essai = 1; ; essai++) {
            AlertesFournisseur courantes = alertes.trouver(fournisseur)
                    .orElseGet(() -> AlertesFournisseur.nouvelles(fournisseur));
            T resultat = changement.apply(courantes);
            try {
                alertes.enregistrer(courantes);
                return resultat;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrente) {
                if (essai >= ESSAIS) {
                    throw concurrente;
                }
            }
        }
    }

    private static Siret fournisseur(Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR);
        return acteur.siret().orElseThrow(() -> new AccesRefuseException(
                "Votre jeton ne désigne aucune entreprise (claim « siret » absent)."));
    }
}
