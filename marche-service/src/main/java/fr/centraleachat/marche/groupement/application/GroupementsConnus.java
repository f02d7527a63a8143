package fr.centraleachat.marche.groupement.application;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies the groupement events and answers the consultations' questions about a groupement. */
@Service
public class GroupementsConnus {

    private static final Logger LOG = LoggerFactory.getLogger(GroupementsConnus.class);

    private final Groupements groupements;

    public GroupementsConnus(Groupements groupements) {
        this.groupements = groupements;
    }

    public void appliquer(String evenementId, GroupementDeCommandes etat) {
        if (groupements.appliquer(etat)) {
            LOG.info("Groupement {} is {} (sequence {}, event {})", etat.id(), etat.statut(), etat.sequence(),
                    evenementId);
        } else {
            LOG.info("Event {} for groupement {} (sequence {}) is not newer than the state kept: ignored",
                    evenementId, etat.id(), etat.sequence());
        }
    }

    /** @throws RegleMetierException when no groupement has this id (or its creation has not arrived yet) */
    public GroupementDeCommandes exiger(String id) {
        return groupements.trouver(id).orElseThrow(() -> new RegleMetierException("groupementId",
                "Aucun groupement de commandes connu n'a l'identifiant " + id + "."));
    }
}
