package fr.centraleachat.marche.journal.messaging;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.ActionEffectueeV1;
import fr.centraleachat.marche.journal.application.Journal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the journal the actions the consultations' outbox announces on the journal topic, each event once
 * (its id is the entry's key). Keyed by consultation, so one consultation's actions arrive in the order they were
 * saved. An event that cannot become an entry goes to the dead-letter topic after the retries.
 */
@Component
class EcouteurJournal {

    private static final Logger LOG = LoggerFactory.getLogger(EcouteurJournal.class);

    private final Journal journal;
    private final JsonMapper json;

    EcouteurJournal(Journal journal, JsonMapper json) {
        this.journal = journal;
        this.json = json;
    }

    @KafkaListener(topics = ActionEffectueeV1.TOPIC)
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        if (!ActionEffectueeV1.TYPE.equals(recu.type())) {
            LOG.info("Event {} of unknown type {} on the journal topic: ignored", recu.id(), recu.type());
            return;
        }
        if (recu.date() == null) {
            throw new EvenementIllisibleException("event " + recu.id() + " has no time: the entry could not be dated");
        }
        ActionEffectueeV1 donnees = recu.donnees(ActionEffectueeV1.class, json);
        try {
            journal.consignerEvenement(recu.id(), ConsultationId.de(recu.sujet()), recu.date(),
                    new Auteur(donnees.acteur(), donnees.roles()), action(recu, donnees.action()), donnees.resume(),
                    recu.correlationId());
        } catch (ValeurInvalideException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " cannot be a journal entry: " + e.getMessage());
        }
    }

    private static ActionJournal action(EvenementRecu recu, String nom) {
        try {
            return ActionJournal.valueOf(String.valueOf(nom));
        } catch (IllegalArgumentException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " names an unknown journal action " + nom);
        }
    }
}
