package fr.centraleachat.marche.opendata.persistence;

import fr.centraleachat.marche.opendata.application.PublicationsDecp;
import fr.centraleachat.marche.opendata.domain.PublicationDecp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Collection {@code publications_decp}, one document per marché (id = its number): {@code donneesInitiales} and
 * {@code modifications.<n>}, dates as {@code AAAA-MM-JJ} strings, which order as dates. Each recording is one
 * upsert with {@code $min}: the earliest date wins, so a repeated or concurrent recording never moves one.
 */
@Repository
class PublicationsDecpMongo implements PublicationsDecp {

    static final String COLLECTION = "publications_decp";

    private final MongoTemplate mongo;

    PublicationsDecpMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, PublicationDecp> trouver(Collection<String> numerosMarches) {
        Map<String, PublicationDecp> trouvees = new LinkedHashMap<>();
        if (numerosMarches.isEmpty()) {
            return trouvees;
        }
        List<Document> documents = mongo.find(Query.query(Criteria.where("_id").in(numerosMarches)), Document.class,
                COLLECTION);
        for (Document document : documents) {
            String numero = document.getString("_id");
            Map<Integer, LocalDate> modifications = new LinkedHashMap<>();
            Document parNumero = document.get("modifications", Document.class);
            if (parNumero != null) {
                parNumero.forEach((n, date) -> modifications.put(Integer.valueOf(n), LocalDate.parse((String) date)));
            }
            String initiale = document.getString("donneesInitiales");
            trouvees.put(numero, new PublicationDecp(numero, initiale == null ? null : LocalDate.parse(initiale),
                    modifications));
        }
        return trouvees;
    }

    @Override
    public void enregistrer(PublicationDecp publication) {
        Update update = new Update();
        publication.initiale().ifPresent(date -> update.min("donneesInitiales", date.toString()));
        publication.modifications().forEach((n, date) -> update.min("modifications." + n, date.toString()));
        if (update.getUpdateObject().isEmpty()) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(publication.numeroMarche())), update, COLLECTION);
    }
}
