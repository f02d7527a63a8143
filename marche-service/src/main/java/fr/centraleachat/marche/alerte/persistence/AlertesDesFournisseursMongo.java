package fr.centraleachat.marche.alerte.persistence;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.alerte.application.AlertesDesFournisseurs;
import fr.centraleachat.marche.alerte.domain.AdresseCourriel;
import fr.centraleachat.marche.alerte.domain.AlertesFournisseur;
import fr.centraleachat.marche.alerte.domain.CriteresAlerte;
import fr.centraleachat.marche.alerte.domain.Departement;
import fr.centraleachat.marche.alerte.domain.MotCle;
import fr.centraleachat.marche.alerte.domain.PrefixeCpv;
import fr.centraleachat.marche.alerte.domain.ProfilAlerte;
import fr.centraleachat.marche.reglementation.Nature;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per supplier in {@value #COLLECTION} (id = its SIRET) holding its profiles and a version: a first
 * save is an insert (a concurrent one fails on the id), later ones an update conditioned on the version read.
 */
@Repository
class AlertesDesFournisseursMongo implements AlertesDesFournisseurs {

    static final String COLLECTION = "alertes_fournisseurs";

    private final MongoTemplate mongo;

    AlertesDesFournisseursMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<AlertesFournisseur> trouver(Siret fournisseur) {
        return Optional.ofNullable(mongo.findById(fournisseur.valeur(), Document.class, COLLECTION))
                .map(AlertesDesFournisseursMongo::lire);
    }

    @Override
    public void enregistrer(AlertesFournisseur alertes) {
        List<Document> profils = alertes.profils().stream().map(AlertesDesFournisseursMongo::ecrire).toList();
        if (alertes.version() == 0) {
            mongo.insert(new Document("_id", alertes.fournisseur().valeur()).append("profils", profils)
                    .append("version", 1L), COLLECTION);
            return;
        }
        long modifies = mongo.updateFirst(Query.query(Criteria.where("_id").is(alertes.fournisseur().valeur())
                        .and("version").is(alertes.version())),
                new Update().set("profils", profils).set("version", alertes.version() + 1), COLLECTION)
                .getModifiedCount();
        if (modifies == 0) {
            throw new OptimisticLockingFailureException("Alert profiles of " + alertes.fournisseur()
                    + " changed since version " + alertes.version());
        }
    }

    @Override
    public List<AlertesFournisseur> pageApres(String apres, int taille) {
        Query query = apres == null ? new Query() : Query.query(Criteria.where("_id").gt(apres));
        query.with(Sort.by(Sort.Direction.ASC, "_id")).limit(taille);
        return mongo.find(query, Document.class, COLLECTION).stream().map(AlertesDesFournisseursMongo::lire).toList();
    }

    private static Document ecrire(ProfilAlerte p) {
        CriteresAlerte c = p.criteres();
        return new Document("id", p.id()).append("libelle", p.libelle()).append("email", p.email().valeur())
                .append("cpv", c.cpv().stream().map(PrefixeCpv::saisie).toList())
                .append("natures", c.natures().stream().map(Nature::name).toList())
                .append("motsCles", c.motsCles().stream().map(MotCle::texte).toList())
                .append("departements", c.departements().stream().map(Departement::code).toList())
                .append("creeLe", Date.from(p.creeLe())).append("modifieLe", Date.from(p.modifieLe()));
    }

    private static AlertesFournisseur lire(Document d) {
        List<ProfilAlerte> profils = d.getList("profils", Document.class, List.of()).stream()
                .map(p -> new ProfilAlerte(p.getString("id"), p.getString("libelle"),
                        new AdresseCourriel(p.getString("email")), new CriteresAlerte(
                                chaines(p, "cpv").stream().map(PrefixeCpv::new).toList(),
                                chaines(p, "natures").stream().map(Nature::valueOf).toList(),
                                chaines(p, "motsCles").stream().map(MotCle::new).toList(),
                                chaines(p, "departements").stream().map(Departement::new).toList()),
                        p.getDate("creeLe").toInstant(), p.getDate("modifieLe").toInstant()))
                .toList();
        return AlertesFournisseur.reconstituer(new Siret(d.getString("_id")), profils,
                ((Number) d.get("version")).longValue());
    }

    private static List<String> chaines(Document profil, String champ) {
        return profil.getList(champ, String.class, List.of());
    }
}
