package fr.centraleachat.adhesion.groupement.application;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.groupement.domain.ApprobationEnregistree;
import fr.centraleachat.adhesion.groupement.domain.EvenementGroupement;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.adhesion.groupement.domain.GroupementConstitue;
import fr.centraleachat.adhesion.groupement.domain.GroupementCree;
import fr.centraleachat.adhesion.groupement.domain.GroupementDissous;
import fr.centraleachat.adhesion.groupement.domain.MembreAjouteAuGroupement;
import fr.centraleachat.adhesion.groupement.domain.MembreGroupement;
import fr.centraleachat.adhesion.groupement.domain.MembreRetireDuGroupement;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.ApprobationGroupementEnregistreeV1;
import fr.centraleachat.contracts.adhesion.GroupementConstitueV1;
import fr.centraleachat.contracts.adhesion.GroupementCreeV1;
import fr.centraleachat.contracts.adhesion.GroupementDissousV1;
import fr.centraleachat.contracts.adhesion.GroupementV1;
import fr.centraleachat.contracts.adhesion.MembreAjouteAuGroupementV1;
import fr.centraleachat.contracts.adhesion.MembreRetireDuGroupementV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns the groupement's facts into the versioned integration events, each carrying the groupement as it stood
 * right after that fact (its {@code sequence} tells consumers which state is the latest). Key and subject: the
 * groupement id.
 */
@Component
public class EvenementsGroupementPublies {

    private final FabriqueMessages fabrique;

    public EvenementsGroupementPublies(FabriqueMessages fabrique) {
        this.fabrique = fabrique;
    }

    /** @param membres the members of the groupement (and any that left in these facts), by SIREN */
    public List<MessageSortant> messages(Groupement groupement, Map<Siren, Membre> membres) {
        String id = groupement.id().toString();
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementGroupement evenement : groupement.evenementsEnAttente()) {
            GroupementV1 etat = instantane(evenement.apres(), membres);
            if (evenement instanceof GroupementCree) {
                messages.add(fabrique.message(Evenements.GROUPEMENT_CREE, id, new GroupementCreeV1(etat)));
            } else if (evenement instanceof MembreAjouteAuGroupement ajoute) {
                messages.add(fabrique.message(Evenements.MEMBRE_AJOUTE_AU_GROUPEMENT, id,
                        new MembreAjouteAuGroupementV1(ajoute.siren().valeur(), ajoute.date(), etat)));
            } else if (evenement instanceof MembreRetireDuGroupement retire) {
                messages.add(fabrique.message(Evenements.MEMBRE_RETIRE_DU_GROUPEMENT, id,
                        new MembreRetireDuGroupementV1(retire.siren().valeur(), retire.date(), etat)));
            } else if (evenement instanceof ApprobationEnregistree approbation) {
                messages.add(fabrique.message(Evenements.APPROBATION_GROUPEMENT_ENREGISTREE, id,
                        new ApprobationGroupementEnregistreeV1(approbation.siren().valeur(),
                                approbation.approbation().numeroDeliberation(),
                                approbation.approbation().dateDeliberation(), etat)));
            } else if (evenement instanceof GroupementConstitue constitue) {
                messages.add(fabrique.message(Evenements.GROUPEMENT_CONSTITUE, id,
                        new GroupementConstitueV1(constitue.date(), etat)));
            } else if (evenement instanceof GroupementDissous dissous) {
                messages.add(fabrique.message(Evenements.GROUPEMENT_DISSOUS, id,
                        new GroupementDissousV1(dissous.date(), dissous.motif(), etat)));
            }
        }
        return messages;
    }

    static GroupementV1 instantane(Groupement.Etat e, Map<Siren, Membre> membres) {
        Membre coordonnateur = membres.get(e.coordonnateur());
        return new GroupementV1(e.id().toString(), e.objet(), e.coordonnateur().valeur(),
                coordonnateur == null ? null : coordonnateur.nom(), e.missions().name(), e.statut().name(),
                e.membres().stream().map(m -> membre(m, membres.get(m.siren()))).toList(), e.dateConstitution(),
                e.sequence());
    }

    private static GroupementV1.MembreGroupementV1 membre(MembreGroupement m, Membre membre) {
        return new GroupementV1.MembreGroupementV1(m.siren().valeur(), membre == null ? null : membre.nom(),
                membre == null ? null : membre.type().name(), m.ajouteLe(),
                m.aApprouve() ? m.approbation().numeroDeliberation() : null,
                m.aApprouve() ? m.approbation().dateDeliberation() : null);
    }
}
