package fr.centraleachat.adhesion.recensement.persistence;

import fr.centraleachat.adhesion.recensement.application.DeclarationsBesoins;
import fr.centraleachat.adhesion.recensement.domain.DeclarationBesoins;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Every read and write by {@code _id} (or a list of ids): no scan of the collection, however large. */
@Repository
class DeclarationsBesoinsMongo implements DeclarationsBesoins {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    DeclarationsBesoinsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public void inviter(List<DeclarationBesoins> declarations) {
        if (declarations.isEmpty()) {
            return;
        }
        BulkOperations lot = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DeclarationDocument.class);
        for (DeclarationBesoins d : declarations) {
            DeclarationDocument document = RecensementMapper.versDocument(d);
            org.bson.Document brut = new org.bson.Document();
            mongo.getConverter().write(document, brut);
            brut.remove("_class");
            brut.put(MessageSortant.CHAMP_OUTBOX, List.of());
            lot.insert(brut);
        }
        lot.execute();
    }

    @Override
    public Optional<DeclarationBesoins> trouver(RecensementId recensement, Siren membre) {
        return Optional.ofNullable(mongo.findById(DeclarationDocument.id(recensement.toString(), membre.valeur()),
                DeclarationDocument.class)).map(RecensementMapper::versDeclaration);
    }

    @Override
    public List<DeclarationBesoins> toutes(RecensementId recensement, List<Siren> membres) {
        Query query = Query.query(Criteria.where("_id").in(ids(recensement, membres)));
        query.fields().exclude(MessageSortant.CHAMP_OUTBOX);
        return mongo.find(query, DeclarationDocument.class).stream().map(RecensementMapper::versDeclaration).toList();
    }

    @Override
    public DeclarationBesoins enregistrer(DeclarationBesoins declaration, List<MessageSortant> messages) {
        enregistreur.mettreAJour(RecensementMapper.versDocument(declaration), declaration.version(), messages);
        return DeclarationBesoins.reconstituer(declaration.etat().aLaVersion(declaration.version() + 1));
    }

    @Override
    public void figer(RecensementId recensement, List<Siren> membres) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids(recensement, membres)).and("clos").is(false)),
                new Update().set("clos", true).inc("version", 1), DeclarationDocument.class);
    }

    private static List<String> ids(RecensementId recensement, List<Siren> membres) {
        List<String> ids = new ArrayList<>(membres.size());
        membres.forEach(m -> ids.add(DeclarationDocument.id(recensement.toString(), m.valeur())));
        return ids;
    }
}
