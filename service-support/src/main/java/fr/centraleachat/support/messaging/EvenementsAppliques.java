package fr.centraleachat.support.messaging;

import java.util.Objects;
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
        return appliquer(collection, id, evenementId, null, modification) == Resultat.APPLIQUE;
    }

    /**
     * Like {@link #appliquerUneFois}, and only if the document still matches {@code etatLu}: the state the
     * decision to apply was taken on. Another consumer (another partition, another instance) may have changed it
     * since it was read; the caller then reads again and decides again.
     */
    public Resultat appliquerUneFoisSi(String collection, String id, String evenementId, Criteria etatLu,
            Update modification) {
        return appliquer(collection, id, evenementId, Objects.requireNonNull(etatLu), modification);
    }

    private Resultat appliquer(String collection, String id, String evenementId, Criteria etatLu, Update modification) {
        Query requete = Query.query(Criteria.where("_id").is(id).and(CHAMP).ne(evenementId));
        if (etatLu != null) {
            requete.addCriteria(etatLu);
        }
        modification.push(CHAMP, evenementId);
        try {
            mongo.upsert(requete, modification, collection);
            return Resultat.APPLIQUE;
        } catch (DuplicateKeyException e) {
            // The document exists but did not match: the upsert tried to create a second one with the same id.
            boolean dejaAppliquee = mongo.exists(Query.query(Criteria.where("_id").is(id).and(CHAMP).is(evenementId)),
                    collection);
            return dejaAppliquee ? Resultat.DEJA_APPLIQUE : Resultat.MODIFIE_ENTRE_TEMPS;
        }
    }

    /** What became of an event offered to a projection. */
    public enum Resultat {
        APPLIQUE,
        DEJA_APPLIQUE,
        /** The document no longer is in the state that was read: read it again and decide again. */
        MODIFIE_ENTRE_TEMPS
    }
}
