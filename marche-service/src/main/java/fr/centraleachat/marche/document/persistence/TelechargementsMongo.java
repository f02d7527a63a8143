package fr.centraleachat.marche.document.persistence;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.application.Telechargements;
import fr.centraleachat.marche.document.domain.Telechargement;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Append-only: this class inserts and reads, it has no way to change or delete a record. */
@Repository
class TelechargementsMongo implements Telechargements {

    private static final Logger LOG = LoggerFactory.getLogger(TelechargementsMongo.class);

    private final MongoTemplate mongo;

    TelechargementsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A consultation's downloads are listed by date. */
    @EventListener(ApplicationReadyEvent.class)
    void indexer() {
        try {
            mongo.indexOps(TelechargementDocument.class).createIndex(new Index().on("consultationId", Sort.Direction.ASC)
                    .on("date", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("consultation_date"));
        } catch (DataAccessException e) {
            LOG.warn("Index consultation_date not created, queries still work without it: {}", e.getMessage());
        }
    }

    @Override
    public void consigner(Telechargement t) {
        mongo.insert(new TelechargementDocument(t.id(), t.consultationId().toString(), t.date(), t.sujet(), t.roles(),
                t.siret(), t.membre(), t.archive(), t.fichiers().stream()
                        .map(f -> new TelechargementDocument.FichierDocument(f.document(), f.version(), f.nom(),
                                f.sha256()))
                        .toList(), t.correlationId()));
    }

    @Override
    public PageVue<Telechargement> lister(ConsultationId consultationId, PageDemandee page) {
        Query query = Query.query(Criteria.where("consultationId").is(consultationId.toString()));
        long total = mongo.count(query, TelechargementDocument.class);
        query.with(Sort.by("date", "_id")).skip(page.decalage()).limit(page.taille());
        List<Telechargement> elements = mongo.find(query, TelechargementDocument.class).stream()
                .map(d -> new Telechargement(d.id(), ConsultationId.de(d.consultationId()), d.date(), d.sujet(),
                        d.roles() == null ? List.of() : d.roles(), d.siret(), d.membre(), d.archive(),
                        d.fichiers().stream().map(f -> new Telechargement.FichierTelecharge(f.document(), f.version(),
                                f.nom(), f.sha256())).toList(), d.correlationId()))
                .toList();
        return new PageVue<>(elements, page.page(), page.taille(), total);
    }

    @Override
    public List<String> siretsDesTelechargeurs(ConsultationId consultationId, String apres, int limite) {
        Criteria siret = Criteria.where("siret").ne(null);
        if (apres != null) {
            siret = Criteria.where("siret").ne(null).gt(apres);
        }
        Aggregation agregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("consultationId").is(consultationId.toString())),
                Aggregation.match(siret),
                Aggregation.group("siret"),
                Aggregation.sort(Sort.Direction.ASC, "_id"),
                Aggregation.limit(limite));
        return mongo.aggregate(agregation, TelechargementDocument.COLLECTION, org.bson.Document.class)
                .getMappedResults().stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public boolean telechargePar(ConsultationId consultationId, String siret) {
        return mongo.exists(Query.query(Criteria.where("consultationId").is(consultationId.toString())
                .and("siret").is(siret)), TelechargementDocument.class);
    }

    @Override
    public long telechargementsAnonymes(ConsultationId consultationId) {
        return mongo.count(Query.query(Criteria.where("consultationId").is(consultationId.toString())
                .and("sujet").is(null)), TelechargementDocument.class);
    }
}
