package fr.centraleachat.diffusion.flux.persistence;

import fr.centraleachat.diffusion.flux.application.JournalEvenements;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The journal in MongoDB. An event's {@code _id} is its position, so a window of positions is read by key (an
 * {@code $in} on {@code _id}), which stays cheap however long the journal grows, on MongoDB and on the embedded
 * store alike. A unique index on the CloudEvents id keeps each event once.
 *
 * <p>Positions are given by one writer (the journal's consumer, one thread): the head document is moved after
 * each insert, so a reader never sees a position before every lower one is written. A crash between the insert and
 * the head's move is repaired at the next start by looking past the recorded head.
 */
@Repository
class JournalMongo implements JournalEvenements {

    static final String EVENEMENTS = "journal_evenements";
    static final String TETE = "journal_tete";
    private static final String ID_TETE = "tete";
    private static final int ESSAIS = 5;

    private final MongoTemplate mongo;
    private long tete = -1;

    JournalMongo(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(EVENEMENTS).createIndex(new Index().on("ceId", Sort.Direction.ASC).unique()
                .named("ceId_unique"));
    }

    @Override
    public synchronized EvenementJournalise ajouter(EvenementAJournaliser evenement) {
        for (int essai = 0; essai < ESSAIS; essai++) {
            if (existe(evenement.id())) {
                return null;
            }
            long position = teteEcrite() + 1;
            EvenementJournalise journalise = evenement.a(position);
            try {
                mongo.insert(document(journalise), EVENEMENTS);
            } catch (DuplicateKeyException e) {
                // Either the same event (its id) or the position taken by another writer: look again.
                tete = -1;
                continue;
            }
            tete = position;
            mongo.upsert(Query.query(Criteria.where("_id").is(ID_TETE)), new Update().max("position", position),
                    TETE);
            return journalise;
        }
        throw new IllegalStateException("could not journal event " + evenement.id() + " after " + ESSAIS
                + " attempts: another writer keeps taking the positions");
    }

    @Override
    public synchronized List<EvenementJournalise> ajouterTous(List<EvenementAJournaliser> evenements) {
        Map<String, EvenementAJournaliser> parId = new LinkedHashMap<>();
        evenements.forEach(e -> parId.putIfAbsent(e.id(), e));
        Query dejaLa = Query.query(Criteria.where("ceId").in(parId.keySet()));
        dejaLa.fields().include("ceId");
        mongo.find(dejaLa, Document.class, EVENEMENTS).forEach(d -> parId.remove(d.getString("ceId")));
        if (parId.isEmpty()) {
            return List.of();
        }
        long position = teteEcrite();
        List<EvenementJournalise> journalises = new ArrayList<>();
        for (EvenementAJournaliser evenement : parId.values()) {
            journalises.add(evenement.a(++position));
        }
        try {
            mongo.insert(journalises.stream().map(JournalMongo::document).toList(), EVENEMENTS);
        } catch (DataIntegrityViolationException e) {
            // Another writer, or an id journaled meanwhile: one by one, each checked again.
            tete = -1;
            List<EvenementJournalise> unParUn = new ArrayList<>();
            for (EvenementAJournaliser evenement : parId.values()) {
                EvenementJournalise journalise = ajouter(evenement);
                if (journalise != null) {
                    unParUn.add(journalise);
                }
            }
            return unParUn;
        }
        tete = position;
        mongo.upsert(Query.query(Criteria.where("_id").is(ID_TETE)), new Update().max("position", position), TETE);
        return journalises;
    }

    @Override
    public long tete() {
        Document document = mongo.findById(ID_TETE, Document.class, TETE);
        return document == null ? 0 : ((Number) document.get("position")).longValue();
    }

    @Override
    public List<EvenementJournalise> entre(long apres, long jusqua, FiltreFlux filtre) {
        if (jusqua <= apres) {
            return List.of();
        }
        // By key only, filtered and ordered here: the embedded store answers a query on _id alone from its index,
        // but scans the whole collection as soon as another criterion or a sort comes with it.
        List<Long> positions = LongStream.rangeClosed(apres + 1, jusqua).boxed().toList();
        List<EvenementJournalise> evenements = new ArrayList<>();
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(positions)), Document.class,
                EVENEMENTS)) {
            EvenementJournalise evenement = new EvenementJournalise(((Number) document.get("_id")).longValue(),
                    document.getString("ceId"), document.getString("type"), document.getString("sujet"),
                    document.getString("evenement"));
            if (filtre.accepte(evenement)) {
                evenements.add(evenement);
            }
        }
        evenements.sort(java.util.Comparator.comparingLong(EvenementJournalise::position));
        return evenements;
    }

    private boolean existe(String ceId) {
        return mongo.exists(Query.query(Criteria.where("ceId").is(ceId)), EVENEMENTS);
    }

    /** The writer's own head: the recorded one, then any position written past it before a crash. */
    private long teteEcrite() {
        if (tete < 0) {
            long position = tete();
            while (mongo.exists(Query.query(Criteria.where("_id").is(position + 1)), EVENEMENTS)) {
                position++;
            }
            if (position > 0) {
                mongo.upsert(Query.query(Criteria.where("_id").is(ID_TETE)), new Update().max("position", position),
                        TETE);
            }
            tete = position;
        }
        return tete;
    }

    private static Document document(EvenementJournalise evenement) {
        return new Document("_id", evenement.position())
                .append("ceId", evenement.id())
                .append("type", evenement.type())
                .append("sujet", evenement.sujet())
                .append("evenement", evenement.cloudEvent());
    }
}
