package fr.centraleachat.diffusion.flux.messaging;

import fr.centraleachat.diffusion.flux.application.Journalisation;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import io.cloudevents.CloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journals every event of the public topics, whatever its type (a type unknown today is journaled all the same:
 * the feed carries the contracts, it does not interpret them). One consumer thread: it is the journal's only
 * writer, which is what keeps positions in the order readers see them.
 */
@Component
class EcouteurEvenements {

    private final Journalisation journalisation;
    private final JsonMapper json;

    EcouteurEvenements(Journalisation journalisation, JsonMapper json) {
        this.journalisation = journalisation;
        this.json = json;
    }

    @KafkaListener(topics = {"centrale.adhesion.v1", "centrale.marche.v1",
            "centrale.catalogue.v1"}, concurrency = "1", autoStartup = "${centrale.diffusion.journal.actif:true}")
    void recevoir(CloudEvent evenement) {
        if (evenement.getId() == null || evenement.getType() == null) {
            throw new EvenementIllisibleException("event without id or type");
        }
        journalisation.journaliser(new EvenementAJournaliser(evenement.getId(), evenement.getType(),
                evenement.getSubject(), FormatStructure.json(evenement, json)));
    }
}
