package fr.centraleachat.marche.analyse.persistence;

import fr.centraleachat.marche.analyse.application.NumerotationMarches;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * A counter per year (one document, incremented atomically) and the number each consultation got (one document,
 * inserted once): two concurrent first notifications of one consultation end with the same number, the loser's
 * increment leaving a gap, which the register of marchés tolerates.
 */
@Repository
class NumerotationMongo implements NumerotationMarches {

    private final MongoTemplate mongo;

    NumerotationMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String numeroDeConsultation(String consultationId, int annee) {
        Document attribue = mongo.findById(consultationId, Document.class, "numeros_marches");
        if (attribue != null) {
            return attribue.getString("numero");
        }
        Document compteur = mongo.findAndModify(Query.query(Criteria.where("_id").is("marches-" + annee)),
                new Update().inc("valeur", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "compteurs");
        String numero = String.format("%d-%04d", annee, ((Number) compteur.get("valeur")).intValue());
        try {
            mongo.insert(new Document("_id", consultationId).append("numero", numero), "numeros_marches");
            return numero;
        } catch (DuplicateKeyException autreNotification) {
            return mongo.findById(consultationId, Document.class, "numeros_marches").getString("numero");
        }
    }
}
