package fr.centraleachat.diffusion.flux.messaging;

import fr.centraleachat.diffusion.flux.application.Journalisation;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journals every event of the public topics, whatever its type (a type unknown today is journaled all the same:
 * the feed carries the contracts, it does not interpret them). One consumer thread: it is the journal's only
 * writer, which is what keeps positions in the order readers see them. Records come in batches (one store read and
 * one write per batch); a record that cannot be read fails the batch at its index, so the records before it are
 * journaled, it goes to the dead-letter topic, and the rest follow.
 */
@Component
class EcouteurEvenements {

    private final Journalisation journalisation;
    private final JsonMapper json;

    EcouteurEvenements(Journalisation journalisation, JsonMapper json) {
        this.journalisation = journalisation;
        this.json = json;
    }

    @KafkaListener(topics = {"centrale.adhesion.v1", "centrale.marche.v1", "centrale.catalogue.v1"},
            concurrency = "1", containerFactory = ConfigurationJournal.FABRIQUE_PAR_LOTS,
            autoStartup = "${centrale.diffusion.journal.actif:true}")
    void recevoir(List<ConsumerRecord<String, CloudEvent>> records) {
        List<EvenementAJournaliser> lot = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                lot.add(aJournaliser(records.get(i).value()));
            } catch (EvenementIllisibleException e) {
                journalisation.journaliserTous(lot);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        journalisation.journaliserTous(lot);
    }

    private EvenementAJournaliser aJournaliser(CloudEvent evenement) {
        if (evenement == null) {
            throw new EvenementIllisibleException("record is not a CloudEvent");
        }
        if (evenement.getId() == null || evenement.getType() == null) {
            throw new EvenementIllisibleException("event without id or type");
        }
        return new EvenementAJournaliser(evenement.getId(), evenement.getType(), evenement.getSubject(),
                FormatStructure.json(evenement, json));
    }
}
