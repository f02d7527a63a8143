package fr.centraleachat.support.outbox;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate's persistence document and its new outbox messages in ONE single-document write, with
 * optimistic locking on the {@code version} field. The pending outbox is appended to, never replaced, so a
 * message the relay has not published yet cannot be lost by a later save.
 *
 * <p>The persistence document class must map {@code _id} and a {@code long version} field and must not map the
 * {@code outbox} field (it belongs to the relay).
 */
public class EnregistreurAvecOutbox {

    static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Runnable apresEcriture;

    public EnregistreurAvecOutbox(MongoTemplate mongo) {
        this(mongo, () -> { });
    }

    /** @param apresEcriture run after each write that added messages (e.g. waking the relay) */
    public EnregistreurAvecOutbox(MongoTemplate mongo, Runnable apresEcriture) {
        this.mongo = mongo;
        this.apresEcriture = apresEcriture;
    }

    /** Creates the document (version 0) with its first messages; a duplicate id fails. */
    public void inserer(Object document, List<MessageSortant> messages) {
        Document etat = convertir(document);
        etat.put(VERSION, 0L);
        etat.put(MessageSortant.CHAMP_OUTBOX, messages.stream().map(this::convertirMessage).toList());
        mongo.insert(etat, mongo.getCollectionName(document.getClass()));
        if (!messages.isEmpty()) {
            apresEcriture.run();
        }
    }

    /**
     * Replaces the state fields of a document read at {@code versionLue} (null ones are removed) and appends the messages.
     *
     * @throws OptimisticLockingFailureException if someone else saved it in between
     */
    public void mettreAJour(Object document, long versionLue, List<MessageSortant> messages) {
        Document etat = convertir(document);
        Object id = etat.remove("_id");
        etat.remove(VERSION);
        etat.remove(MessageSortant.CHAMP_OUTBOX);
        Update update = new Update().set(VERSION, versionLue + 1);
        etat.forEach(update::set);
        // The converter leaves null properties out: unset them, or a value cleared in the aggregate would survive.
        champsMappes(document.getClass()).stream()
                .filter(champ -> !etat.containsKey(champ) && !champ.equals("_id") && !champ.equals(VERSION))
                .forEach(update::unset);
        if (!messages.isEmpty()) {
            update.push(MessageSortant.CHAMP_OUTBOX).each(messages.stream().map(this::convertirMessage).toArray());
        }
        String collection = mongo.getCollectionName(document.getClass());
        var resultat = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(VERSION).is(versionLue)),
                update, collection);
        if (resultat.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "Document " + id + " in " + collection + " is no longer at version " + versionLue);
        }
        if (!messages.isEmpty()) {
            apresEcriture.run();
        }
    }

    private List<String> champsMappes(Class<?> type) {
        List<String> champs = new ArrayList<>();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) p -> champs.add(p.getFieldName()));
        return champs;
    }

    private Document convertir(Object document) {
        Document etat = new Document();
        mongo.getConverter().write(document, etat);
        etat.remove("_class");
        return etat;
    }

    private Object convertirMessage(MessageSortant message) {
        Document brut = new Document();
        mongo.getConverter().write(message, brut);
        brut.remove("_class");
        return brut;
    }
}
