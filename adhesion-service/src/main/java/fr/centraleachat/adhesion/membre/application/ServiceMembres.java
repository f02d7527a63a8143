package fr.centraleachat.adhesion.membre.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Registration and look-up of member bodies. */
@Service
public class ServiceMembres {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceMembres.class);

    private final Membres membres;

    public ServiceMembres(Membres membres) {
        this.membres = membres;
    }

    public Membre enregistrer(Siren siren, String nom, TypeMembre type, Optional<CodeInsee> codeInsee, Acteur acteur) {
        acteur.exiger(Role.ADMIN);
        // Registered by an administrator from official documents: identifiers are taken as checked.
        Membre membre = Membre.enregistrer(siren, nom, type, codeInsee, false);
        if (!membres.ajouter(membre)) {
            throw new TransitionInterditeException("ENREGISTRE",
                    "Le membre de SIREN " + siren + " est déjà enregistré.");
        }
        LOG.info("Member {} registered by {}", siren, acteur.sujet());
        return membre;
    }

    public Membre consulter(Siren siren) {
        return membres.trouver(siren).orElseThrow(() -> introuvable(siren));
    }

    /**
     * One page of the members in French alphabetical order of their names ("Fénay" before "Fontaine-lès-Dijon":
     * accents and case do not come first as in code-point order), then by SIREN so that the order is stable.
     */
    public PageVue<Membre> lister(Optional<TypeMembre> type, PageDemandee page) {
        return PageVue.de(membres.lister(type), ordreAlphabetique(), page);
    }

    static Comparator<Membre> ordreAlphabetique() {
        Collator collation = Collator.getInstance(Locale.FRENCH);
        return Comparator.comparing(Membre::nom, collation).thenComparing(m -> m.siren().valeur());
    }

    static RessourceIntrouvableException introuvable(Siren siren) {
        return new RessourceIntrouvableException("Aucun membre enregistré avec le SIREN " + siren + ".");
    }
}
