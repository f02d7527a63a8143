package fr.centraleachat.marche.courrier.messaging;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.MarcheNotifieV1;
import fr.centraleachat.marche.analyse.application.LettresDeRejetEnvoyeesV1;
import fr.centraleachat.marche.courrier.application.CourriersPassation;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the passation's mails from the facts that call for them: answers, rectificatifs and notifications on the
 * service's public topic, rejection letters on its private one. Its own consumer group; the offset moves on once the
 * mails are queued, and a redelivery queues nothing twice.
 */
@Component
class EcouteurCourriers {

    private static final Logger LOG = LoggerFactory.getLogger(EcouteurCourriers.class);
    private static final Pattern IDENTIFIANT = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final CourriersPassation courriers;
    private final JsonMapper json;

    EcouteurCourriers(CourriersPassation courriers, JsonMapper json) {
        this.courriers = courriers;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.marche.v1", groupId = "${centrale.courriers.groupe:marche-service-courriers}")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        if (recu.est(Evenements.REPONSE_PUBLIEE)) {
            courriers.reponsePubliee(identifiant(recu), recu.donnees(Evenements.REPONSE_PUBLIEE, json));
        } else if (recu.est(Evenements.CONSULTATION_RECTIFIEE)) {
            courriers.rectificatif(identifiant(recu), recu.donnees(Evenements.CONSULTATION_RECTIFIEE, json));
        } else if (recu.est(Evenements.MARCHE_NOTIFIE)) {
            MarcheNotifieV1 marche = recu.donnees(Evenements.MARCHE_NOTIFIE, json);
            if (marche.consultationId() == null) {
                throw new EvenementIllisibleException("event " + recu.id() + " names no consultation");
            }
            courriers.notification(marche.consultationId(), marche.lot());
        }
    }

    @KafkaListener(topics = LettresDeRejetEnvoyeesV1.TOPIC,
            groupId = "${centrale.courriers.groupe:marche-service-courriers}")
    void recevoirPrive(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        if (!LettresDeRejetEnvoyeesV1.TYPE.equals(recu.type())) {
            LOG.info("Event {} of unknown type {} on the mail topic: ignored", recu.id(), recu.type());
            return;
        }
        LettresDeRejetEnvoyeesV1 envoyees = recu.donnees(LettresDeRejetEnvoyeesV1.class, json);
        if (envoyees.consultationId() == null) {
            throw new EvenementIllisibleException("event " + recu.id() + " names no consultation");
        }
        courriers.lettresDeRejet(envoyees.consultationId(), envoyees.lot());
    }

    private static String identifiant(EvenementRecu recu) {
        if (recu.id() == null || !IDENTIFIANT.matcher(recu.id()).matches()) {
            throw new EvenementIllisibleException("event of type " + recu.type() + " has an id unfit for a mail key");
        }
        return recu.id();
    }
}
