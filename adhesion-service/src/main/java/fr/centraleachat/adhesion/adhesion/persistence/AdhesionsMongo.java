package fr.centraleachat.adhesion.adhesion.persistence;

import fr.centraleachat.adhesion.adhesion.application.Adhesions;
import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads with the template, writes through the outbox writer (state and events in one document write). */
@Repository
class AdhesionsMongo implements Adhesions {

    private static final Logger LOG = LoggerFactory.getLogger(AdhesionsMongo.class);

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;
    private volatile boolean indexPret;

    AdhesionsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexerAuDemarrage() {
        try {
            indexer();
        } catch (DataAccessException e) {
            // Retried before the first insert: the service may start while the store is still coming up.
            LOG.warn("Unique index on {} not created yet: {}", AdhesionDocument.CLE_EN_COURS, e.getMessage());
        }
    }

    /** The unique key is what guarantees one adhésion in progress per member, so it must exist before inserts. */
    private void indexer() {
        if (indexPret) {
            return;
        }
        mongo.indexOps(AdhesionDocument.class).createIndex(new Index().on(AdhesionDocument.CLE_EN_COURS,
                Sort.Direction.ASC).unique().named("une_adhesion_en_cours_par_membre"));
        mongo.indexOps(AdhesionDocument.class).createIndex(new Index().on("siren", Sort.Direction.ASC).named("siren"));
        mongo.indexOps(AdhesionDocument.class).createIndex(new Index()
                .on(AdhesionDocument.DATE_CHANGEMENT_PREVU, Sort.Direction.ASC).sparse().named("changement_prevu"));
        indexPret = true;
    }

    @Override
    public Optional<Adhesion> trouver(AdhesionId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), AdhesionDocument.class))
                .map(AdhesionMapper::versAdhesion);
    }

    @Override
    public Optional<Adhesion> enCoursPour(Siren membre) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where(AdhesionDocument.CLE_EN_COURS).is(membre.valeur())), AdhesionDocument.class))
                .map(AdhesionMapper::versAdhesion);
    }

    @Override
    public PageVue<Adhesion> lister(Optional<Siren> membre, Optional<StatutAdhesion> statut, PageDemandee page) {
        Query query = new Query();
        membre.ifPresent(s -> query.addCriteria(Criteria.where("siren").is(s.valeur())));
        statut.ifPresent(s -> query.addCriteria(Criteria.where("statut").is(s.name())));
        long total = mongo.count(query, AdhesionDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "dateDemande").and(Sort.by("_id")))
                .skip(page.decalage()).limit(page.taille());
        List<Adhesion> elements = mongo.find(query, AdhesionDocument.class).stream()
                .map(AdhesionMapper::versAdhesion).toList();
        return new PageVue<>(elements, page.page(), page.taille(), total);
    }

    @Override
    public List<AdhesionId> avecChangementEchu(LocalDate aujourdhui, int limite) {
        // ISO dates compare as strings in calendar order.
        Query query = Query.query(Criteria.where(AdhesionDocument.DATE_CHANGEMENT_PREVU).lte(aujourdhui.toString()))
                .with(Sort.by(AdhesionDocument.DATE_CHANGEMENT_PREVU, "_id")).limit(limite);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, AdhesionDocument.COLLECTION).stream()
                .map(d -> AdhesionId.de(d.getString("_id"))).toList();
    }

    @Override
    public List<Siren> membresActifsPour(FamilleAchat familleAchat) {
        Query query = Query.query(Criteria.where("statut").is(StatutAdhesion.ACTIVE.name())
                .and("famillesAchat").is(familleAchat.name()));
        query.fields().include("siren");
        return mongo.find(query, org.bson.Document.class, AdhesionDocument.COLLECTION).stream()
                .map(d -> new Siren(d.getString("siren"))).distinct().toList();
    }

    @Override
    public boolean ajouter(Adhesion adhesion, List<MessageSortant> messages) {
        indexer();
        try {
            enregistreur.inserer(AdhesionMapper.versDocument(adhesion), messages);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Adhesion mettreAJour(Adhesion adhesion, List<MessageSortant> messages) {
        enregistreur.mettreAJour(AdhesionMapper.versDocument(adhesion), adhesion.version(), messages);
        return Adhesion.reconstituer(adhesion.etat().aLaVersion(adhesion.version() + 1));
    }
}
