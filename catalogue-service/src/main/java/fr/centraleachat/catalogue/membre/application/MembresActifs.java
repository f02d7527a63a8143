package fr.centraleachat.catalogue.membre.application;

import fr.centraleachat.support.membre.Membres;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Which members may use the catalogue. Staff and information systems holding {@code data:read} see them all; an
 * agent sees only its own body, and another body looks to it as if it did not exist.
 */
@Service
public class MembresActifs {

    static final String SCOPE_LECTURE = "data:read";

    private final Membres membres;

    public MembresActifs(Membres membres) {
        this.membres = membres;
    }

    /**
     * One page of the active members in French alphabetical order of their names ("Fénay" before
     * "Fontaine-lès-Dijon"), then by SIREN so that the order is stable.
     */
    public PageVue<Membre> lister(PageDemandee page, Acteur acteur) {
        if (voitTousLesMembres(acteur)) {
            return PageVue.de(membres.actifs(), ordreAlphabetique(), page);
        }
        exigerAgent(acteur);
        return PageVue.de(membres.trouver(acteur.membreDeLAgent()).filter(Membre::estActif).stream().toList(), page);
    }

    static Comparator<Membre> ordreAlphabetique() {
        Collator collation = Collator.getInstance(Locale.FRENCH);
        return Comparator.comparing((Membre m) -> m.description().orElseThrow().nom(), collation)
                .thenComparing(m -> m.siren().valeur());
    }

    public Membre consulter(Siren siren, Acteur acteur) {
        if (!voitTousLesMembres(acteur)) {
            exigerAgent(acteur);
            if (!acteur.estAgentDe(siren)) {
                throw introuvable(siren);
            }
        }
        return membres.trouver(siren).filter(Membre::estActif).orElseThrow(() -> introuvable(siren));
    }

    static boolean voitTousLesMembres(Acteur acteur) {
        return acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN) || acteur.scopes().contains(SCOPE_LECTURE);
    }

    private static void exigerAgent(Acteur acteur) {
        if (!acteur.a(Role.AGENT)) {
            throw new AccesRefuseException(
                    "La liste des membres actifs est réservée aux acheteurs, aux administrateurs et aux agents des membres.");
        }
    }

    private static RessourceIntrouvableException introuvable(Siren siren) {
        return new RessourceIntrouvableException("Aucun membre actif de SIREN " + siren + ".");
    }
}
