package fr.centraleachat.marche.alerte.messaging;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.ConsultationRectifieeV1;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.alerte.application.DiffusionAlertes;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.util.regex.Pattern;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the alerts of each publication and rectificatif read from the service's own topic. Its own consumer group,
 * so that it reads every partition and its progress is its own; the offset moves on only once every alert is
 * queued, and a redelivery queues nothing twice (the event id is part of each mail's key).
 */
@Component
class EcouteurAlertes {

    static final Pattern IDENTIFIANT = Pattern.compile("[\\x21-\\x7e]{1,100}");

    private final DiffusionAlertes diffusion;
    private final JsonMapper json;

    EcouteurAlertes(DiffusionAlertes diffusion, JsonMapper json) {
        this.diffusion = diffusion;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.marche.v1", groupId = "${centrale.alertes.groupe:marche-service-alertes}")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        boolean publication = recu.est(Evenements.CONSULTATION_PUBLIEE);
        if (!publication && !recu.est(Evenements.CONSULTATION_RECTIFIEE)) {
            return;
        }
        if (recu.id() == null || !IDENTIFIANT.matcher(recu.id()).matches()) {
            throw new EvenementIllisibleException("event of type " + recu.type() + " has an id unfit for a mail key");
        }
        ConsultationId consultation;
        try {
            consultation = ConsultationId.de(recu.sujet());
        } catch (ValeurInvalideException | IllegalArgumentException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " names no consultation: " + e.getMessage());
        }
        if (publication) {
            diffusion.publication(recu.id(), consultation);
        } else {
            ConsultationRectifieeV1 rectifiee = recu.donnees(Evenements.CONSULTATION_RECTIFIEE, json);
            diffusion.rectificatif(recu.id(), consultation, rectifiee.numero());
        }
    }
}
