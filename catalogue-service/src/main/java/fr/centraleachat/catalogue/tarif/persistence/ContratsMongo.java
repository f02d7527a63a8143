package fr.centraleachat.catalogue.tarif.persistence;

import fr.centraleachat.catalogue.tarif.application.ContratsPourTarifs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The default view of the catalogue's contracts for price lists, until the contracts provide their own: the
 * {@code contrats} collection, one document per marché with {@code _id} = its number and {@code prixUnitaires} =
 * the winning pli's BPU ({@code [{reference, prixUnitaireHt}]}, amounts as decimal strings or decimals).
 */
class ContratsMongo implements ContratsPourTarifs {

    static final String COLLECTION = "contrats";

    private final MongoTemplate mongo;

    ContratsMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean existe(String numeroContrat) {
        return mongo.exists(Query.query(Criteria.where("_id").is(numeroContrat)), COLLECTION);
    }

    @Override
    public List<PrixBpu> prixDuBpu(String numeroContrat) {
        Query query = Query.query(Criteria.where("_id").is(numeroContrat));
        query.fields().include("prixUnitaires");
        Document contrat = mongo.findOne(query, Document.class, COLLECTION);
        if (contrat == null) {
            return List.of();
        }
        List<PrixBpu> prix = new ArrayList<>();
        for (Object element : contrat.getList("prixUnitaires", Object.class, List.of())) {
            if (element instanceof Document ligne && ligne.get("reference") instanceof String reference) {
                prix.add(new PrixBpu(reference, decimal(ligne.get("prixUnitaireHt"))));
            }
        }
        return prix;
    }

    private static BigDecimal decimal(Object valeur) {
        if (valeur instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (valeur instanceof String s) {
            try {
                return s.length() <= 40 ? new BigDecimal(s) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (valeur instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }
}
