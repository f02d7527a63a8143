package fr.centraleachat.support.idempotence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The requests made under an {@code Idempotency-Key} and their answers, one document each: reserving a key, then
 * recording its answer, are each one atomic single-document write (no transaction needed). Records expire after
 * {@code duree} (a TTL index removes them on MongoDB; an expired record is also ignored when read).
 */
public class MagasinIdempotence {

    static final String COLLECTION = "idempotence";

    /** What a reservation found: nothing (the caller goes on), a request in progress, or a recorded answer. */
    public sealed interface Resultat {
    }

    public record Reservee(String id) implements Resultat {
    }

    public record EnCours(String empreinte) implements Resultat {
    }

    public record Terminee(String empreinte, ReponseEnregistree reponse) implements Resultat {
    }

    /** The answer replayed to a retry: status, content type, Location and body. */
    public record ReponseEnregistree(int statut, String typeContenu, String location, byte[] corps) {
    }

    private final MongoTemplate mongo;
    private final Clock horloge;
    private final Duration duree;
    private final Duration abandon;

    public MagasinIdempotence(MongoTemplate mongo, Clock horloge, Duration duree, Duration abandon) {
        this.mongo = mongo;
        this.horloge = horloge;
        this.duree = duree;
        this.abandon = abandon;
    }

    public void creerIndex() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expireA", Sort.Direction.ASC).expire(Duration.ZERO)
                .named("expiration"));
    }

    /** Reserves {@code id} for a request whose content hashes to {@code empreinte}, or tells what holds it. */
    public Resultat reserver(String id, String empreinte) {
        Instant maintenant = horloge.instant();
        Document reservation = new Document("_id", id).append("empreinte", empreinte).append("statut", "EN_COURS")
                .append("depuis", java.util.Date.from(maintenant))
                .append("expireA", java.util.Date.from(maintenant.plus(duree)));
        for (int essai = 0; essai < 2; essai++) {
            try {
                mongo.insert(reservation, COLLECTION);
                return new Reservee(id);
            } catch (DuplicateKeyException dejaPrise) {
                Document existant = mongo.findById(id, Document.class, COLLECTION);
                if (existant == null) {
                    continue;
                }
                if (perime(existant, maintenant)) {
                    // Expired, or a reservation whose process died before answering: free it, conditionally, once.
                    mongo.remove(Query.query(Criteria.where("_id").is(id).and("depuis").is(existant.get("depuis"))),
                            COLLECTION);
                    continue;
                }
                return lire(existant);
            }
        }
        Document existant = mongo.findById(id, Document.class, COLLECTION);
        return existant == null ? new EnCours(empreinte) : lire(existant);
    }

    /** Records the answer of a reserved request: later retries with the same key get it again. */
    public void terminer(String id, ReponseEnregistree reponse) {
        Instant maintenant = horloge.instant();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("statut").is("EN_COURS")),
                new Update().set("statut", "TERMINEE").set("reponse", new Document("statut", reponse.statut())
                                .append("typeContenu", reponse.typeContenu()).append("location", reponse.location())
                                .append("corps", new org.bson.types.Binary(reponse.corps())))
                        .set("expireA", java.util.Date.from(maintenant.plus(duree))),
                COLLECTION);
    }

    /** Frees the key of a request that was refused or failed: it changed nothing, so a retry may go through. */
    public void liberer(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("statut").is("EN_COURS")), COLLECTION);
    }

    private boolean perime(Document existant, Instant maintenant) {
        Instant expireA = existant.getDate("expireA").toInstant();
        if (!expireA.isAfter(maintenant)) {
            return true;
        }
        return "EN_COURS".equals(existant.getString("statut"))
                && existant.getDate("depuis").toInstant().plus(abandon).isBefore(maintenant);
    }

    private static Resultat lire(Document existant) {
        String empreinte = existant.getString("empreinte");
        if (!"TERMINEE".equals(existant.getString("statut"))) {
            return new EnCours(empreinte);
        }
        Document reponse = existant.get("reponse", Document.class);
        Object corps = reponse.get("corps");
        byte[] octets = corps instanceof org.bson.types.Binary binaire ? binaire.getData()
                : corps instanceof byte[] b ? b : new byte[0];
        return new Terminee(empreinte, new ReponseEnregistree(reponse.getInteger("statut"),
                reponse.getString("typeContenu"), reponse.getString("location"), octets));
    }
}
