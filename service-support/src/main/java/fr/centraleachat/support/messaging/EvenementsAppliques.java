package fr.centraleachat.support.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection updates: the ids of the events already applied are kept in the projected document
 * itself, so that "apply the change" and "remember the event" are one atomic single-document write.
 */
public class EvenementsAppliques {

    public static final String CHAMP = "evenementsAppliques";

    private final MongoTemplate mongo;

    public EvenementsAppliques(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code modification} to document {@code id} (creating it if needed) unless event
     * {@code evenementId} was already applied to it.
     *
     * @return false when the event is a duplicate and nothing was changed
     */
    public boolean appliquerUneFois(String collection, String id, String evenementId, Update modification) {
        Query pasEncoreAppliquee = Query.query(Criteria.where("_id").is(id).and(CHAMP).ne(evenementId));
        modification.push(CHAMP, evenementId);
        try {
            mongo.upsert(pasEncoreAppliquee, modification, collection);
            return true;
        } catch (DuplicateKeyException e) {
            // The document exists and already lists the event: the upsert tried to create a second one.
            return false;
        }
    }
}
