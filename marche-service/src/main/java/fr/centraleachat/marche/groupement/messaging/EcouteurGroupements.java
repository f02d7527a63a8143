package fr.centraleachat.marche.groupement.messaging;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.TypeEvenement;
import fr.centraleachat.contracts.adhesion.ApprobationGroupementEnregistreeV1;
import fr.centraleachat.contracts.adhesion.GroupementConstitueV1;
import fr.centraleachat.contracts.adhesion.GroupementCreeV1;
import fr.centraleachat.contracts.adhesion.GroupementDissousV1;
import fr.centraleachat.contracts.adhesion.GroupementV1;
import fr.centraleachat.contracts.adhesion.MembreAjouteAuGroupementV1;
import fr.centraleachat.contracts.adhesion.MembreRetireDuGroupementV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.groupement.application.GroupementsConnus;
import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import fr.centraleachat.marche.groupement.domain.MembreDuGroupement;
import fr.centraleachat.marche.groupement.domain.StatutGroupement;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.function.Function;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the groupements' latest state from the adhésion topic. Every groupement event carries the whole state, so
 * the six types are applied alike; its own consumer group, so it sees every partition of the topic.
 */
@Component
class EcouteurGroupements {

    private final GroupementsConnus groupements;
    private final JsonMapper json;

    EcouteurGroupements(GroupementsConnus groupements, JsonMapper json) {
        this.groupements = groupements;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.adhesion.v1", groupId = "marche-service-groupements")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        // Only the type received is read: the others answer null without touching the payload.
        GroupementV1 etat = java.util.stream.Stream.of(
                        etat(recu, Evenements.GROUPEMENT_CREE, GroupementCreeV1::groupement),
                        etat(recu, Evenements.MEMBRE_AJOUTE_AU_GROUPEMENT, MembreAjouteAuGroupementV1::groupement),
                        etat(recu, Evenements.MEMBRE_RETIRE_DU_GROUPEMENT, MembreRetireDuGroupementV1::groupement),
                        etat(recu, Evenements.APPROBATION_GROUPEMENT_ENREGISTREE,
                                ApprobationGroupementEnregistreeV1::groupement),
                        etat(recu, Evenements.GROUPEMENT_CONSTITUE, GroupementConstitueV1::groupement),
                        etat(recu, Evenements.GROUPEMENT_DISSOUS, GroupementDissousV1::groupement))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (etat == null) {
            return;
        }
        groupements.appliquer(recu.id(), versDomaine(recu, etat));
    }

    private <T> GroupementV1 etat(EvenementRecu recu, TypeEvenement<T> type, Function<T, GroupementV1> groupement) {
        if (!recu.est(type)) {
            return null;
        }
        GroupementV1 etat = groupement.apply(recu.donnees(type, json));
        if (etat == null) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries no groupement");
        }
        return etat;
    }

    private static GroupementDeCommandes versDomaine(EvenementRecu recu, GroupementV1 g) {
        try {
            if (g.groupementId() == null || g.statut() == null || g.membres() == null) {
                throw new ValeurInvalideException("groupement", "incomplete groupement");
            }
            List<MembreDuGroupement> membres = g.membres().stream().map(m -> new MembreDuGroupement(
                    new Siren(m.siren()), m.nom(), m.numeroDeliberation() != null)).toList();
            return new GroupementDeCommandes(g.groupementId(), g.objet(), new Siren(g.coordonnateurSiren()),
                    g.coordonnateurNom(), StatutGroupement.valueOf(g.statut()), membres, g.sequence());
        } catch (ValeurInvalideException | IllegalArgumentException | NullPointerException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries an invalid groupement: " + e.getMessage());
        }
    }
}
