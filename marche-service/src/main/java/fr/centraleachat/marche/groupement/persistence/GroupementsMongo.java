package fr.centraleachat.marche.groupement.persistence;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.groupement.application.Groupements;
import fr.centraleachat.marche.groupement.domain.GroupementDeCommandes;
import fr.centraleachat.marche.groupement.domain.MembreDuGroupement;
import fr.centraleachat.marche.groupement.domain.StatutGroupement;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per groupement, id = the groupement's. A state replaces the stored one only if its sequence is
 * higher, in one conditional upsert: an older or redelivered event matches no document, tries to insert one with
 * the same id and is refused by the store.
 */
@Repository
class GroupementsMongo implements Groupements {

    static final String COLLECTION = "groupements";

    private final MongoTemplate mongo;

    GroupementsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<GroupementDeCommandes> trouver(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(GroupementsMongo::lire);
    }

    @Override
    public boolean appliquer(GroupementDeCommandes etat) {
        Query plusAncien = Query.query(Criteria.where("_id").is(etat.id()).and("sequence").lt(etat.sequence()));
        Update update = new Update().set("objet", etat.objet()).set("coordonnateur", etat.coordonnateur().valeur())
                .set("nomCoordonnateur", etat.nomCoordonnateur()).set("statut", etat.statut().name())
                .set("sequence", etat.sequence())
                .set("membres", etat.membres().stream().map(m -> new Document("siren", m.siren().valeur())
                        .append("nom", m.nom()).append("approuve", m.approuve())).toList());
        try {
            mongo.upsert(plusAncien, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException dejaPlusRecent) {
            return false;
        }
    }

    private static GroupementDeCommandes lire(Document d) {
        List<MembreDuGroupement> membres = d.getList("membres", Document.class).stream()
                .map(m -> new MembreDuGroupement(new Siren(m.getString("siren")), m.getString("nom"),
                        Boolean.TRUE.equals(m.getBoolean("approuve")))).toList();
        return new GroupementDeCommandes(d.getString("_id"), d.getString("objet"),
                new Siren(d.getString("coordonnateur")), d.getString("nomCoordonnateur"),
                StatutGroupement.valueOf(d.getString("statut")), membres, d.get("sequence", Number.class).longValue());
    }
}
