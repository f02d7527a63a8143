package fr.centraleachat.marche.journal.persistence;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.application.EntreesJournal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Collection {@code journal}, one document per entry, inserted and never updated. {@code _id} is the id of the
 * event that caused the entry, so an event is recorded at most once; a unique index on (consultationId, rang) lets
 * only one of two concurrent appends take a rank. Each append is one single-document insert: no transaction.
 * Documents are read field by field rather than mapped, so that a tampered one is reported, not a crash.
 */
@Repository
class EntreesJournalMongo implements EntreesJournal {

    static final String COLLECTION = "journal";
    static final String INDEX_RANG = "consultation_rang";

    private static final Logger LOG = LoggerFactory.getLogger(EntreesJournalMongo.class);

    private final MongoTemplate mongo;

    EntreesJournalMongo(MongoTemplate mongo) {
        this.mongo = mongo;
        // Created before any append can run (not on ApplicationReady, which comes after the Kafka listeners have
        // started): without it two appends could take one rank. A start-up without the store fails and is retried.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("consultationId", Sort.Direction.ASC)
                .on("rang", Sort.Direction.ASC).unique().named(INDEX_RANG));
    }

    @Override
    public Optional<EntreeJournal> derniere(ConsultationId id) {
        Query query = parConsultation(id).with(Sort.by(Sort.Direction.DESC, "rang")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(EntreesJournalMongo::lire);
    }

    @Override
    public Ajout ajouter(EntreeJournal e, String evenementId) {
        Document document = new Document("_id", evenementId)
                .append("consultationId", e.consultationId().toString())
                .append("rang", e.rang())
                .append("horodatage", Date.from(e.horodatage()))
                .append("acteur", e.acteur())
                .append("roles", e.roles())
                .append("action", e.action().name())
                .append("resume", e.resume())
                .append("correlationId", e.correlationId())
                .append("hashPrecedent", e.hashPrecedent())
                .append("hash", e.hash());
        try {
            mongo.insert(document, COLLECTION);
            return Ajout.AJOUTEE;
        } catch (DuplicateKeyException e2) {
            // Either key may have fired: the event id decides whether this is a redelivery or a lost race.
            return mongo.exists(Query.query(Criteria.where("_id").is(evenementId)), COLLECTION)
                    ? Ajout.DEJA_CONSIGNEE : Ajout.RANG_DEJA_PRIS;
        }
    }

    @Override
    public boolean existe(ConsultationId id) {
        return mongo.exists(parConsultation(id), COLLECTION);
    }

    @Override
    public PageVue<EntreeJournal> page(ConsultationId id, PageDemandee page) {
        long total = mongo.count(parConsultation(id), COLLECTION);
        Query query = parConsultation(id).with(Sort.by(Sort.Direction.ASC, "rang")).skip(page.decalage())
                .limit(page.taille());
        List<EntreeJournal> elements = mongo.find(query, Document.class, COLLECTION).stream()
                .map(EntreesJournalMongo::lire).toList();
        return new PageVue<>(elements, page.page(), page.taille(), total);
    }

    @Override
    public OptionalLong rangApres(ConsultationId id, long depuis, long decalage) {
        Query query = depuis(id, depuis).with(Sort.by(Sort.Direction.ASC, "rang")).skip(decalage).limit(1);
        query.fields().include("rang");
        Document suivant = mongo.findOne(query, Document.class, COLLECTION);
        return suivant == null ? OptionalLong.empty() : OptionalLong.of(((Number) suivant.get("rang")).longValue());
    }

    @Override
    public void parcourir(ConsultationId id, long depuis, int limite, Consumer<EntreeJournal> action) {
        Query query = depuis(id, depuis).with(Sort.by(Sort.Direction.ASC, "rang")).limit(limite);
        try (var flux = mongo.stream(query, Document.class, COLLECTION)) {
            flux.map(EntreesJournalMongo::lire).forEach(action);
        }
    }

    @Override
    public void verifier(ConsultationId id, ChaineJournal.Verification verification) {
        Query query = parConsultation(id).with(Sort.by(Sort.Direction.ASC, "rang"));
        try (var flux = mongo.stream(query, Document.class, COLLECTION)) {
            flux.forEach(document -> {
                EntreeJournal entree;
                try {
                    entree = lire(document);
                } catch (RuntimeException illisible) {
                    LOG.warn("Journal entry {} of consultation {} is unreadable: {}", document.get("_id"), id,
                            illisible.getMessage());
                    Object hash = document.get("hash");
                    verification.illisible(hash instanceof String texte ? texte : null);
                    return;
                }
                verification.accepter(entree);
            });
        }
    }

    private static Query parConsultation(ConsultationId id) {
        return Query.query(Criteria.where("consultationId").is(id.toString()));
    }

    private static Query depuis(ConsultationId id, long rang) {
        return Query.query(Criteria.where("consultationId").is(id.toString()).and("rang").gte(rang));
    }

    /** Reads a stored entry; a document that is not one any more throws. */
    static EntreeJournal lire(Document d) {
        Object rang = d.get("rang");
        if (!(rang instanceof Number nombre)) {
            throw new IllegalStateException("rang is not a number: " + rang);
        }
        return new EntreeJournal(ConsultationId.de(d.getString("consultationId")), nombre.longValue(),
                d.getDate("horodatage").toInstant(), d.getString("acteur"), d.getList("roles", String.class),
                ActionJournal.valueOf(d.getString("action")), d.getString("resume"), d.getString("correlationId"),
                d.getString("hashPrecedent"), d.getString("hash"));
    }
}
