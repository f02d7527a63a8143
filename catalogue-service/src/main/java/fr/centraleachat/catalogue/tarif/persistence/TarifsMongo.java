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
 * published versions and the versions being written ({@code enCours}). {@code blocs_tarif}: a version's lines by
 * blocks, one document per batch written (id = the version's id and the rank of the block's first line,
 * {@code <version>:000001000}), holding the lines in the file's order and their references, unique per version through
 * a multikey index. A version is read block after block by id, and one line found through its reference: lookups the
 * embedded store (mongo-java-server) answers from its indexes, while it scans the whole collection for any other
 * query — a cost that grows with the catalogue, not with the version read. Writing a thousand lines as one document
 * is also a single insert. A version's lines are only ever read through a published version,
 * so the lines of a version being written, or abandoned, are seen by no one; publishing and abandoning are each one
 * conditional write on the contract's document, so exactly one of them wins. Prices and rates are stored as decimal
 * strings, exact whatever the store. Lines written before blocks ({@code lignes_tarif}, one document per line) are
 * still read, by a query on their version.
 */
@Repository
class TarifsMongo implements Tarifs {

    static final String TARIFS = "tarifs";
    static final String BLOCS = "blocs_tarif";
    /** The former layout, one document per line: read, never written. */
    static final String LIGNES = "lignes_tarif";
    private static final int ESSAIS_MAX = 20;

    private final MongoTemplate mongo;

    TarifsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(BLOCS).createIndex(new Index().on("version", Sort.Direction.ASC)
                .on("references", Sort.Direction.ASC).unique().named("version_references"));
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
    public void ajouter(String versionId, long rangPremiere, List<LigneTarif> lignes) {
        if (lignes.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(lignes.size());
        List<String> references = new ArrayList<>(lignes.size());
        for (LigneTarif l : lignes) {
            references.add(l.reference());
            documents.add(new Document("reference", l.reference())
                    .append("designation", l.designation()).append("unite", l.unite())
                    .append("conditionnement", l.conditionnement())
                    .append("prixUnitaireHt", l.prixUnitaireHt().toPlainString())
                    .append("tauxTva", l.tauxTva().toPlainString())
                    .append("cpv", l.cpv() == null ? null : l.cpv().valeur()));
        }
        mongo.getCollection(BLOCS).insertOne(new Document("_id", id(versionId, rangPremiere))
                .append("version", versionId).append("rang", rangPremiere).append("nombre", lignes.size())
                .append("references", references).append("lignes", documents));
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
        mongo.getCollection(BLOCS).deleteMany(Filters.eq("version", versionId));
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
                    mongo.getCollection(BLOCS).deleteMany(Filters.eq("version", id));
                    retirees++;
                }
            }
        }
        return retirees;
    }

    @Override
    public List<LigneTarif> lignes(String versionId, long decalage, int taille) {
        if (sansBlocs(versionId)) {
            Query query = Query.query(Criteria.where("version").is(versionId)).with(Sort.by("reference"))
                    .skip(decalage).limit(taille);
            return mongo.find(query, Document.class, LIGNES).stream().map(TarifsMongo::ligne).toList();
        }
        // Block sizes are read first (their counts only), then the blocks holding the page.
        long rang = 0;
        while (true) {
            Document taille0 = mongo.getCollection(BLOCS).find(Filters.eq("_id", id(versionId, rang)))
                    .projection(new Document("nombre", 1)).first();
            if (taille0 == null) {
                return List.of();
            }
            int nombre = taille0.getInteger("nombre");
            if (rang + nombre > decalage) {
                break;
            }
            rang += nombre;
        }
        List<LigneTarif> page = new ArrayList<>(Math.min(taille, 1_000));
        for (Document bloc = bloc(versionId, rang); bloc != null && page.size() < taille;
                rang += bloc.getInteger("nombre"), bloc = bloc(versionId, rang)) {
            List<Document> lignes = bloc.getList("lignes", Document.class);
            for (int i = (int) Math.max(0, decalage - rang); i < lignes.size() && page.size() < taille; i++) {
                page.add(ligne(lignes.get(i)));
            }
        }
        return page;
    }

    @Override
    public Optional<LigneTarif> ligne(String versionId, String reference) {
        Document bloc = mongo.getCollection(BLOCS).find(Filters.and(Filters.eq("version", versionId),
                Filters.eq("references", reference))).first();
        if (bloc != null) {
            return bloc.getList("lignes", Document.class).stream()
                    .filter(l -> reference.equals(l.getString("reference"))).findFirst().map(TarifsMongo::ligne);
        }
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("version").is(versionId)
                .and("reference").is(reference)), Document.class, LIGNES)).map(TarifsMongo::ligne);
    }

    @Override
    public void parcourir(String versionId, Consumer<LigneTarif> traitement) {
        Document premier = bloc(versionId, 0);
        if (premier == null) {
            try (MongoCursor<Document> curseur = mongo.getCollection(LIGNES).find(Filters.eq("version", versionId))
                    .sort(Sorts.ascending("reference")).batchSize(1_000).iterator()) {
                curseur.forEachRemaining(d -> traitement.accept(ligne(d)));
            }
            return;
        }
        // One block in memory at a time: the next is read once this one is handed over.
        long rang = 0;
        for (Document bloc = premier; bloc != null; bloc = bloc(versionId, rang)) {
            bloc.getList("lignes", Document.class).forEach(l -> traitement.accept(ligne(l)));
            rang += bloc.getInteger("nombre");
        }
    }

    private Document bloc(String versionId, long rang) {
        return mongo.getCollection(BLOCS).find(Filters.eq("_id", id(versionId, rang))).first();
    }

    /**
     * Whether the version's lines were written one document per line, before blocks: every published version has a
     * block at rank 0 otherwise, since an empty list is never published.
     */
    private boolean sansBlocs(String versionId) {
        // A find by id, not countDocuments: mongo-java-server runs a count as an aggregation over the whole collection.
        return mongo.getCollection(BLOCS).find(Filters.eq("_id", id(versionId, 0)))
                .projection(new Document("_id", 1)).first() == null;
    }

    /** Fixed width, so that a version's blocks sort in rank order. */
    private static String id(String versionId, long rang) {
        return versionId + ":" + String.format("%09d", rang);
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
