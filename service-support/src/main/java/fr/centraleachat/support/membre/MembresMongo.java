package fr.centraleachat.support.membre;

import fr.centraleachat.support.membre.Membres;
import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.membre.StatutMembre;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.messaging.EvenementsAppliques;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One document per member body in the service's {@code membres} collection, id = SIREN, fed by the adhésion events;
 * the applied event ids live in the same document, so a redelivered event has no second effect.
 */
class MembresMongo implements Membres {

    static final String COLLECTION = "membres";

    private final MongoTemplate mongo;
    private final EvenementsAppliques evenementsAppliques;

    MembresMongo(MongoTemplate mongo, EvenementsAppliques evenementsAppliques) {
        this.mongo = mongo;
        this.evenementsAppliques = evenementsAppliques;
    }

    @Override
    public Optional<Membre> trouver(Siren siren) {
        return Optional.ofNullable(mongo.findById(siren.valeur(), Document.class, COLLECTION)).map(MembresMongo::lire);
    }

    @Override
    public Enregistrement enregistrer(Membre membre, Optional<Instant> miseAJourLue, String evenementId) {
        Update modification = new Update();
        membre.description().ifPresent(d -> modification.set("adhesionId", d.adhesionId()).set("nom", d.nom())
                .set("typeMembre", d.typeMembre()).set("famillesAchat", d.famillesAchat())
                .set("missions", d.missions())
                .set("dateEffet", d.dateEffet() == null ? null : d.dateEffet().toString()));
        membre.statut().ifPresent(statut -> modification.set("statut", statut.name()));
        membre.derniereMiseAJour().ifPresent(date -> modification.set("derniereMiseAJour", Date.from(date)));
        Criteria etatLu = miseAJourLue.map(lue -> Criteria.where("derniereMiseAJour").is(Date.from(lue)))
                .orElseGet(() -> Criteria.where("derniereMiseAJour").exists(false));
        return switch (evenementsAppliques.appliquerUneFoisSi(COLLECTION, membre.siren().valeur(), evenementId,
                etatLu, modification)) {
            case APPLIQUE -> Enregistrement.ENREGISTRE;
            case DEJA_APPLIQUE -> Enregistrement.DEJA_APPLIQUE;
            case MODIFIE_ENTRE_TEMPS -> Enregistrement.MODIFIE_ENTRE_TEMPS;
        };
    }

    @Override
    public List<Membre> actifs() {
        // Sorted by the caller in French collation, which the store's binary order is not.
        Query query = Query.query(Criteria.where("statut").is(StatutMembre.ACTIVE.name()).and("nom").exists(true));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MembresMongo::lire)
                .filter(Membre::estActif).toList();
    }

    @Override
    public List<Membre> parmi(Collection<Siren> sirens) {
        Query query = Query.query(Criteria.where("_id").in(sirens.stream().map(Siren::valeur).toList()));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MembresMongo::lire).toList();
    }

    private static Membre lire(Document doc) {
        DescriptionMembre description = doc.getString("nom") == null ? null
                : new DescriptionMembre(doc.getString("adhesionId"), doc.getString("nom"), doc.getString("typeMembre"),
                        doc.getList("famillesAchat", String.class), doc.getString("missions"),
                        doc.getString("dateEffet") == null ? null : LocalDate.parse(doc.getString("dateEffet")));
        String statut = doc.getString("statut");
        Date date = doc.getDate("derniereMiseAJour");
        return Membre.reconstituer(new Siren(doc.getString("_id")), description,
                statut == null ? null : StatutMembre.valueOf(statut), date == null ? null : Instant.ofEpochMilli(date.getTime()));
    }
}
