package fr.centraleachat.diffusion.webhook.persistence;

import fr.centraleachat.diffusion.webhook.application.Abonnements;
import fr.centraleachat.diffusion.webhook.domain.Abonnement;
import fr.centraleachat.diffusion.webhook.domain.StatutAbonnement;
import fr.centraleachat.diffusion.webhook.domain.UrlWebhook;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions, one document each. State writes check the version (the owner resuming while a deliverer saves
 * its progress: one of them is told); the lease is a field of the same document, taken by a find-and-modify.
 */
@Repository
class AbonnementsMongo implements Abonnements {

    static final String COLLECTION = "abonnements_webhook";

    private final MongoTemplate mongo;

    AbonnementsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void creer(Abonnement abonnement) {
        mongo.insert(etat(abonnement).append("_id", abonnement.id()).append("proprietaire", abonnement.proprietaire())
                .append("url", abonnement.url().valeur().toString()).append("types", List.copyOf(abonnement.types()))
                .append("secret", abonnement.secret()).append("creeLe", Date.from(abonnement.creeLe()))
                .append("bailJusqua", new Date(0)).append("version", abonnement.version()), COLLECTION);
    }

    @Override
    public Optional<Abonnement> trouver(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(AbonnementsMongo::lire);
    }

    @Override
    public boolean enregistrer(Abonnement abonnement) {
        Update update = new Update();
        etat(abonnement).forEach(update::set);
        update.set("version", abonnement.version() + 1);
        boolean ecrit = mongo.updateFirst(Query.query(Criteria.where("_id").is(abonnement.id())
                .and("version").is(abonnement.version())), update, COLLECTION).getModifiedCount() == 1;
        if (ecrit) {
            abonnement.enregistre();
        } else if (mongo.exists(Query.query(Criteria.where("_id").is(abonnement.id())), COLLECTION)) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "subscription " + abonnement.id() + " changed meanwhile");
        }
        return ecrit;
    }

    @Override
    public boolean supprimer(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() == 1;
    }

    @Override
    public List<Abonnement> deProprietaire(String proprietaire, int decalage, int taille) {
        return lister(Query.query(Criteria.where("proprietaire").is(proprietaire)), decalage, taille);
    }

    @Override
    public long compterDeProprietaire(String proprietaire) {
        return mongo.count(Query.query(Criteria.where("proprietaire").is(proprietaire)), COLLECTION);
    }

    @Override
    public List<Abonnement> tous(int decalage, int taille) {
        return lister(new Query(), decalage, taille);
    }

    @Override
    public long compterTous() {
        return mongo.count(new Query(), COLLECTION);
    }

    @Override
    public List<Abonnement> prendreDus(Instant maintenant, long tete, Duration bail, int nombre) {
        List<Abonnement> pris = new ArrayList<>();
        Date now = Date.from(maintenant);
        Query dus = Query.query(Criteria.where("statut").is(StatutAbonnement.ACTIF.name())
                .and("position").lt(tete)
                .and("bailJusqua").lte(now)
                .orOperator(Criteria.where("prochaineTentative").is(null),
                        Criteria.where("prochaineTentative").lte(now)));
        for (int i = 0; i < nombre; i++) {
            Document document = mongo.findAndModify(dus, Update.update("bailJusqua", Date.from(maintenant.plus(bail))),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (document == null) {
                break;
            }
            pris.add(lire(document));
        }
        return pris;
    }

    @Override
    public void rendre(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("bailJusqua", new Date(0)),
                COLLECTION);
    }

    private List<Abonnement> lister(Query query, int decalage, int taille) {
        return mongo.find(query.with(Sort.by("creeLe", "_id")).skip(decalage).limit(taille), Document.class,
                COLLECTION).stream().map(AbonnementsMongo::lire).toList();
    }

    private static Document etat(Abonnement a) {
        return new Document("statut", a.statut().name())
                .append("position", a.position())
                .append("echecsConsecutifs", a.echecsConsecutifs())
                .append("prochaineTentative", a.prochaineTentative() == null ? null : Date.from(a.prochaineTentative()))
                .append("derniereErreur", a.derniereErreur())
                .append("derniereLivraison", a.derniereLivraison() == null ? null : Date.from(a.derniereLivraison()))
                .append("livres", a.livres());
    }

    @SuppressWarnings("unchecked")
    private static Abonnement lire(Document d) {
        return Abonnement.relire(d.getString("_id"), d.getString("proprietaire"),
                new UrlWebhook(URI.create(d.getString("url"))), new HashSet<>((List<String>) d.get("types")),
                d.getString("secret"), d.getDate("creeLe").toInstant(), StatutAbonnement.valueOf(d.getString("statut")),
                ((Number) d.get("position")).longValue(), ((Number) d.get("echecsConsecutifs")).intValue(),
                instant(d.getDate("prochaineTentative")), d.getString("derniereErreur"),
                instant(d.getDate("derniereLivraison")), ((Number) d.get("livres")).longValue(),
                ((Number) d.get("version")).longValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
