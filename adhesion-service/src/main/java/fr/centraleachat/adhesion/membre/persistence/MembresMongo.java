package fr.centraleachat.adhesion.membre.persistence;

import fr.centraleachat.adhesion.membre.application.Membres;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.Siren;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Members in MongoDB. They publish no integration event yet, so they carry no outbox. */
@Repository
class MembresMongo implements Membres {

    private final MongoTemplate mongo;

    MembresMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Membre> trouver(Siren siren) {
        return Optional.ofNullable(mongo.findById(siren.valeur(), MembreDocument.class)).map(MembresMongo::versMembre);
    }

    @Override
    public List<Membre> lister(Optional<TypeMembre> type) {
        Query query = new Query().with(Sort.by("nom"));
        type.ifPresent(t -> query.addCriteria(Criteria.where("type").is(t.name())));
        return mongo.find(query, MembreDocument.class).stream().map(MembresMongo::versMembre).toList();
    }

    @Override
    public Map<Siren, Membre> trouverTous(Collection<Siren> sirens) {
        Query query = Query.query(Criteria.where("_id").in(sirens.stream().map(Siren::valeur).distinct().toList()));
        Map<Siren, Membre> parSiren = new HashMap<>();
        mongo.find(query, MembreDocument.class).forEach(d -> parSiren.put(new Siren(d.siren()), versMembre(d)));
        return parSiren;
    }

    @Override
    public boolean ajouter(Membre membre) {
        try {
            mongo.insert(new MembreDocument(membre.siren().valeur(), membre.nom(), membre.type().name(),
                    membre.codeInsee().map(CodeInsee::valeur).orElse(null), membre.identifiantsAVerifier(), 0L));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Membre versMembre(MembreDocument document) {
        return Membre.reconstituer(new Siren(document.siren()), document.nom(), TypeMembre.valueOf(document.type()),
                Optional.ofNullable(document.codeInsee()).map(CodeInsee::new), document.identifiantsAVerifier());
    }
}
