package fr.centraleachat.adhesion.recensement.persistence;

import fr.centraleachat.adhesion.recensement.application.Recensements;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.adhesion.recensement.domain.StatutRecensement;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads with the template, writes through the outbox writer (state and events in one document write). */
@Repository
class RecensementsMongo implements Recensements {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    RecensementsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<Recensement> trouver(RecensementId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), RecensementDocument.class))
                .map(RecensementMapper::versRecensement);
    }

    @Override
    public PageVue<Recensement> lister(Optional<Siren> invite, Optional<StatutRecensement> statut, PageDemandee page) {
        Query query = new Query();
        invite.ifPresent(s -> query.addCriteria(Criteria.where("membresInvites").is(s.valeur())));
        statut.ifPresent(s -> query.addCriteria(Criteria.where("statut").is(s.name())));
        long total = mongo.count(query, RecensementDocument.class);
        // The consolidation is not shown in lists: leave it in the store.
        query.fields().exclude("consolidation").exclude(MessageSortant.CHAMP_OUTBOX);
        query.with(Sort.by(Sort.Direction.DESC, "ouvertLe").and(Sort.by("_id"))).skip(page.decalage())
                .limit(page.taille());
        return new PageVue<>(mongo.find(query, RecensementDocument.class).stream()
                .map(RecensementMapper::versRecensement).toList(), page.page(), page.taille(), total);
    }

    @Override
    public List<RecensementId> echus(Instant maintenant, int limite) {
        Query query = Query.query(Criteria.where("statut").is(StatutRecensement.OUVERT.name())
                .and("dateCloture").lte(maintenant)).with(Sort.by("dateCloture", "_id")).limit(limite);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, RecensementDocument.COLLECTION).stream()
                .map(d -> RecensementId.de(d.getString("_id"))).toList();
    }

    @Override
    public void ajouter(Recensement recensement, List<MessageSortant> messages) {
        enregistreur.inserer(RecensementMapper.versDocument(recensement), messages);
    }

    @Override
    public Recensement mettreAJour(Recensement recensement, List<MessageSortant> messages) {
        enregistreur.mettreAJour(RecensementMapper.versDocument(recensement), recensement.version(), messages);
        return Recensement.reconstituer(recensement.etat().aLaVersion(recensement.version() + 1));
    }
}
