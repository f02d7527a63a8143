package fr.centraleachat.catalogue.souscription.persistence;

import fr.centraleachat.catalogue.souscription.application.Souscriptions;
import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.catalogue.souscription.domain.StatutSouscription;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class SouscriptionsMongo implements Souscriptions {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    SouscriptionsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<Souscription> trouver(String numeroContrat, Siren siren) {
        return Optional.ofNullable(mongo.findById(Souscription.identifiant(numeroContrat, siren),
                SouscriptionDocument.class)).map(SouscriptionsMongo::lire);
    }

    @Override
    public void enregistrer(Souscription s, List<MessageSortant> messages) {
        SouscriptionDocument document = new SouscriptionDocument(s.id(), s.numeroContrat(), s.siren().valeur(),
                s.nomMembre(), s.statut().name(), s.creeeLe(), s.resilieeLe(), s.version());
        if (s.estNouvelle()) {
            enregistreur.inserer(document, messages);
        } else {
            enregistreur.mettreAJour(document, s.version(), messages);
        }
    }

    @Override
    public PageVue<Souscription> lister(Siren membre, String numeroContrat, PageDemandee page) {
        Criteria criteres = new Criteria();
        if (membre != null) {
            criteres.and("siren").is(membre.valeur());
        }
        if (numeroContrat != null) {
            criteres.and("numeroContrat").is(numeroContrat);
        }
        Query query = Query.query(criteres);
        long total = mongo.count(query, SouscriptionDocument.class);
        query.with(Sort.by("numeroContrat", "siren")).skip(page.decalage()).limit(page.taille());
        return new PageVue<>(mongo.find(query, SouscriptionDocument.class).stream().map(SouscriptionsMongo::lire)
                .toList(), page.page(), page.taille(), total);
    }

    private static Souscription lire(SouscriptionDocument d) {
        return Souscription.reconstituer(d.numeroContrat(), new Siren(d.siren()), d.nomMembre(),
                StatutSouscription.valueOf(d.statut()), d.creeeLe(), d.resilieeLe(), d.version());
    }
}
