package fr.centraleachat.catalogue.tarif.persistence;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import fr.centraleachat.catalogue.tarif.application.Tarifs;
import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.CodeCpv;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Price lists in two collections. {@code tarifs}: one document per contract (id = marché number) holding its
 * published versions and the versions being written ({@code enCours}). {@code lignes_tarif}: one document per line,
 * tagged with its version's id, unique per (version, reference). A version's lines are only ever read through a
 * published version, so the lines of a version being written, or abandoned, are seen by no one; publishing and
 * abandoning are each one conditional write on the contract's document, so exactly one of them wins. Prices and
 * rates are stored as decimal strings, exact whatever the store.
 */
@Repository
class TarifsMongo implements Tarifs {

    static final String TARIFS = "tarifs";
    static final String LIGNES = "lignes_tarif";
    private static final int ESSAIS_MAX = 20;

    private final MongoTemplate mongo;

    TarifsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(LIGNES).createIndex(new Index().on("version", Sort.Direction.ASC)
                .on("reference", Sort.Direction.ASC).unique().named("version_reference"));
        mongo.indexOps(TARIFS).createIndex(new Index().on("enCours.debut", Sort.Direction.ASC).named("en_cours"));
    }

    @Override
    public Optional<HistoriqueTarif> historique(String numeroContrat) {
        Document doc = mongo.findById(numeroContrat, Document.class, TARIFS);
        if (doc == null || doc.getList("versions", Document.class, List.of()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HistoriqueTarif(numeroContrat,
                doc.getList("versions", Document.class).stream().map(TarifsMongo::version).toList()));
    }

    @Override
    public String ouvrir(String numeroContrat, Instant debut) {
        String id = new ObjectId().toHexString();
        mongo.upsert(Query.query(Criteria.where("_id").is(numeroContrat)), new Update()
                .push("enCours", new Document("id", id).append("debut", Date.from(debut)))
                .setOnInsert("nbVersions", 0), TARIFS);
        return id;
    }

    @Override
    public void ajouter(String versionId, List<LigneTarif> lignes) {
        List<Document> documents = new ArrayList<>(lignes.size());
        for (LigneTarif l : lignes) {
            documents.add(new Document("version", versionId).append("reference", l.reference())
                    .append("designation", l.designation()).append("unite", l.unite())
                    .append("conditionnement", l.conditionnement())
                    .append("prixUnitaireHt", l.prixUnitaireHt().toPlainString())
                    .append("tauxTva", l.tauxTva().toPlainString())
                    .append("cpv", l.cpv() == null ? null : l.cpv().valeur()));
        }
        mongo.getCollection(LIGNES).insertMany(documents);
    }

    @Override
    public VersionTarif publier(String numeroContrat, String versionId, NouvelleVersion nouvelle) {
        for (int essai = 0; essai < ESSAIS_MAX; essai++) {
            Document doc = mongo.findById(numeroContrat, Document.class, TARIFS);
            if (doc == null || doc.getList("enCours", Document.class, List.of()).stream()
                    .noneMatch(e -> versionId.equals(e.getString("id")))) {
                throw new VersionAbandonneeException(versionId);
            }
            int precedente = doc.get("nbVersions", Number.class).intValue();
            VersionTarif version = new VersionTarif(precedente + 1, versionId, nouvelle.dateEffet(), nouvelle.source(),
                    nouvelle.format(), nouvelle.nomFichier(), nouvelle.coefficient(), nouvelle.versionDeBase(),
                    nouvelle.motif(), nouvelle.lignes(), nouvelle.publieeLe(), nouvelle.publieePar());
            // One write: numbered after the versions read, and only while the reservation is still there.
            Query condition = Query.query(Criteria.where("_id").is(numeroContrat).and("nbVersions").is(precedente)
                    .and("enCours.id").is(versionId));
            Update publication = new Update().set("nbVersions", precedente + 1).push("versions", document(version))
                    .pull("enCours", new Document("id", versionId));
            if (mongo.updateFirst(condition, publication, TARIFS).getModifiedCount() == 1) {
                return version;
            }
        }
        throw new IllegalStateException("price list of " + numeroContrat + " keeps changing while publishing "
                + versionId);
    }

    @Override
    public void abandonner(String numeroContrat, String versionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(numeroContrat)),
                new Update().pull("enCours", new Document("id", versionId)), TARIFS);
        mongo.getCollection(LIGNES).deleteMany(Filters.eq("version", versionId));
    }

    @Override
    public int nettoyer(Instant avant) {
        int retirees = 0;
        Query anciennes = Query.query(Criteria.where("enCours").elemMatch(Criteria.where("debut").lt(Date.from(avant))));
        anciennes.fields().include("enCours");
        for (Document doc : mongo.find(anciennes, Document.class, TARIFS)) {
            for (Document enCours : doc.getList("enCours", Document.class, List.of())) {
                Date debut = enCours.getDate("debut");
                String id = enCours.getString("id");
                if (debut == null || !debut.toInstant().isBefore(avant)) {
                    continue;
                }
                // Taken out of the reservations first: a late publication of it then fails, and only then its lines go.
                Query condition = Query.query(Criteria.where("_id").is(doc.get("_id")).and("enCours.id").is(id));
                if (mongo.updateFirst(condition, new Update().pull("enCours", new Document("id", id)), TARIFS)
                        .getModifiedCount() == 1) {
                    mongo.getCollection(LIGNES).deleteMany(Filters.eq("version", id));
                    retirees++;
                }
            }
        }
        return retirees;
    }

    @Override
    public List<LigneTarif> lignes(String versionId, long decalage, int taille) {
        Query query = Query.query(Criteria.where("version").is(versionId)).with(Sort.by("reference"))
                .skip(decalage).limit(taille);
        return mongo.find(query, Document.class, LIGNES).stream().map(TarifsMongo::ligne).toList();
    }

    @Override
    public Optional<LigneTarif> ligne(String versionId, String reference) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("version").is(versionId)
                .and("reference").is(reference)), Document.class, LIGNES)).map(TarifsMongo::ligne);
    }

    @Override
    public void parcourir(String versionId, Consumer<LigneTarif> traitement) {
        try (MongoCursor<Document> curseur = mongo.getCollection(LIGNES).find(Filters.eq("version", versionId))
                .sort(Sorts.ascending("reference")).batchSize(1_000).iterator()) {
            while (curseur.hasNext()) {
                traitement.accept(ligne(curseur.next()));
            }
        }
    }

    private static LigneTarif ligne(Document d) {
        String cpv = d.getString("cpv");
        return new LigneTarif(d.getString("reference"), d.getString("designation"), d.getString("unite"),
                d.getString("conditionnement"), new BigDecimal(d.getString("prixUnitaireHt")),
                new BigDecimal(d.getString("tauxTva")), cpv == null ? null : new CodeCpv(cpv));
    }

    private static Document document(VersionTarif v) {
        return new Document("id", v.id()).append("numero", v.numero()).append("dateEffet", v.dateEffet().toString())
                .append("source", v.source().name()).append("format", v.format()).append("nomFichier", v.nomFichier())
                .append("coefficient", v.coefficient() == null ? null : v.coefficient().toPlainString())
                .append("versionDeBase", v.versionDeBase()).append("motif", v.motif()).append("lignes", v.lignes())
                .append("publieeLe", v.publieeLe() == null ? null : Date.from(v.publieeLe()))
                .append("publieePar", v.publieePar());
    }

    private static VersionTarif version(Document d) {
        String coefficient = d.getString("coefficient");
        Date publieeLe = d.getDate("publieeLe");
        Number base = d.get("versionDeBase", Number.class);
        return new VersionTarif(d.get("numero", Number.class).intValue(), d.getString("id"),
                LocalDate.parse(d.getString("dateEffet")), SourceVersion.valueOf(d.getString("source")),
                d.getString("format"), d.getString("nomFichier"), coefficient == null ? null : new BigDecimal(coefficient),
                base == null ? null : base.intValue(), d.getString("motif"), d.get("lignes", Number.class).longValue(),
                publieeLe == null ? null : publieeLe.toInstant(), d.getString("publieePar"));
    }
}
