package fr.centraleachat.support.membre;

import fr.centraleachat.support.membre.ProjectionMembres;
import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the member projection from the adhésion topic, so that the service checks members without calling the
 * adhesion service; other event types are ignored. Consumer group: the service's {@code spring.kafka.consumer.group-id}.
 */
class EcouteurAdhesions {

    private final ProjectionMembres projection;
    private final JsonMapper json;

    EcouteurAdhesions(ProjectionMembres projection, JsonMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.adhesion.v1")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        try {
            if (recu.est(Evenements.ADHESION_ACTIVEE)) {
                AdhesionActiveeV1 d = recu.donnees(Evenements.ADHESION_ACTIVEE, json);
                projection.activer(recu.id(), siren(d.siren()), new DescriptionMembre(d.adhesionId(), d.nomMembre(),
                        d.typeMembre(), d.famillesAchat(), d.missions(), d.dateEffet()), date(recu));
            } else if (recu.est(Evenements.ADHESION_SUSPENDUE)) {
                var d = recu.donnees(Evenements.ADHESION_SUSPENDUE, json);
                projection.suspendre(recu.id(), siren(d.siren()), date(recu));
            } else if (recu.est(Evenements.ADHESION_REPRISE)) {
                var d = recu.donnees(Evenements.ADHESION_REPRISE, json);
                projection.reprendre(recu.id(), siren(d.siren()), date(recu));
            } else if (recu.est(Evenements.ADHESION_RESILIEE)) {
                var d = recu.donnees(Evenements.ADHESION_RESILIEE, json);
                projection.resilier(recu.id(), siren(d.siren()), date(recu));
            }
        } catch (ValeurInvalideException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries an invalid value: " + e.getMessage());
        }
    }

    private static Siren siren(String valeur) {
        return new Siren(valeur);
    }

    /** Late events are recognised by their time: an event without one cannot be placed. */
    private static Instant date(EvenementRecu recu) {
        if (recu.date() == null) {
            throw new EvenementIllisibleException("event " + recu.id() + " has no time");
        }
        return recu.date();
    }
}
