package fr.centraleachat.support.outbox;

import fr.centraleachat.support.messaging.Enveloppes;
import fr.centraleachat.support.web.CorrelationId;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import fr.centraleachat.support.relais.PassesDeRelais;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the messages waiting in aggregate documents, oldest first within a document, and removes each one
 * from its document once the broker has acknowledged it. If the broker is down the messages stay where they are
 * and the relay backs off; they go out when it is back. A crash between the acknowledgement and the removal
 * publishes the message again (at-least-once): consumers de-duplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final OutboxProperties proprietes;
    private final Counter publies;
    private final Counter echecs;
    private final PassesDeRelais passes = new PassesDeRelais("outbox-relay", this::passe);
    private volatile Duration attente;
    private volatile boolean enEchec;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties proprietes,
            MeterRegistry metriques) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.proprietes = proprietes;
        this.publies = Counter.builder("centrale.outbox.publies").description("Events published from the outbox")
                .register(metriques);
        this.echecs = Counter.builder("centrale.outbox.echecs").description("Failed publication attempts")
                .register(metriques);
        this.attente = proprietes.intervalle();
    }

    /** Runs one pass over every configured collection; returns how many messages went out. */
    public int publierEnAttente() {
        int total = 0;
        for (String collection : proprietes.collections()) {
            Query enAttente = Query.query(Criteria.where(MessageSortant.CHAMP_OUTBOX + ".0").exists(true))
                    .limit(proprietes.lot());
            enAttente.fields().include("_id").include(MessageSortant.CHAMP_OUTBOX);
            for (Document document : mongo.find(enAttente, Document.class, collection)) {
                total += publierDocument(collection, document);
            }
        }
        return total;
    }

    private int publierDocument(String collection, Document document) {
        int envoyes = 0;
        List<Document> messages = document.getList(MessageSortant.CHAMP_OUTBOX, Document.class);
        for (Document message : messages) {
            CloudEvent evenement = Enveloppes.versCloudEvent(message);
            try {
                kafka.send(message.getString("topic"), evenement.getSubject(), evenement)
                        .get(proprietes.delaiEnvoi().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (Exception e) {
                // Keep order within the aggregate: stop at the first message that could not go out.
                throw new PublicationImpossible(evenement.getId(), e);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(MessageSortant.CHAMP_OUTBOX, new Document("evenementId", evenement.getId())),
                    collection);
            publies.increment();
            envoyes++;
            // The request that caused the event is long gone: restore its correlation id so the trace goes on.
            try (var correlation = MDC.putCloseable(CorrelationId.MDC_KEY, message.getString("correlationId"))) {
                LOG.info("Published {} {} for {}", evenement.getType(), evenement.getId(), evenement.getSubject());
            }
        }
        return envoyes;
    }

    /**
     * Asks for a pass now, because a write just added messages. While the broker is failing the back-off holds:
     * waking it for every write would only hammer a broker that is away.
     */
    public void reveiller() {
        if (!enEchec) {
            passes.planifier(0);
        }
    }

    /** One pass; answers the delay until the next (longer while the broker is failing). */
    private long passe() {
        try {
            publierEnAttente();
            if (enEchec) {
                LOG.info("Outbox relay publishing again");
            }
            enEchec = false;
            attente = proprietes.intervalle();
        } catch (RuntimeException e) {
            echecs.increment();
            if (!enEchec) {
                LOG.warn("Outbox relay cannot publish, events stay pending and will be retried: {}", e.getMessage());
            }
            enEchec = true;
            attente = attente.multipliedBy(2).compareTo(proprietes.intervalleMaxEnEchec()) > 0
                    ? proprietes.intervalleMaxEnEchec() : attente.multipliedBy(2);
        }
        return attente.toMillis();
    }

    @Override
    public void start() {
        passes.demarrer(proprietes.intervalle().toMillis());
    }

    @Override
    public void stop() {
        passes.arreter(proprietes.delaiEnvoi().plusSeconds(1));
    }

    @Override
    public boolean isRunning() {
        return passes.enMarche();
    }

    /** Starts after the Kafka listeners and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    static final class PublicationImpossible extends RuntimeException {
        PublicationImpossible(String evenementId, Throwable cause) {
            super("event " + evenementId + " not acknowledged: " + cause.getMessage(), cause);
        }
    }
}
