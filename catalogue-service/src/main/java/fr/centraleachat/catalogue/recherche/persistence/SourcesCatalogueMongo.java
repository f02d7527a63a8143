package fr.centraleachat.catalogue.recherche.persistence;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import fr.centraleachat.catalogue.recherche.application.SourcesCatalogue;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.EtatContrat;
import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.FamilleAchat;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the contracts ({@code contrats}) and their price lists' histories ({@code tarifs}) as the contract and
 * price-list projections store them, keeping only the fields the search needs: no BPU, no consumption, no line. Going
 * over the whole catalogue is two cursors in number order, merged as they are read, so memory does not grow with the
 * number of contracts.
 */
@Repository
class SourcesCatalogueMongo implements SourcesCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(SourcesCatalogueMongo.class);

    static final String CONTRATS = "contrats";
    static final String TARIFS = "tarifs";
    private static final Bson CHAMPS_CONTRAT = Projections.include("objet", "intituleLot", "titulaireSiret",
            "titulaireRaisonSociale", "beneficiaires", "cpv", "familleAchat", "dateDebut", "dateFin", "resilieLe");
    private static final Bson CHAMPS_TARIF = Projections.include("versions");
    private static final int LOT = 500;

    private final MongoTemplate mongo;

    SourcesCatalogueMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void parcourir(Consumer<EtatContrat> traitement) {
        Bson contrats = Filters.exists("titulaireSiret");
        try (MongoCursor<Document> lesContrats = mongo.getCollection(CONTRATS).find(contrats)
                .projection(CHAMPS_CONTRAT).sort(Sorts.ascending("_id")).batchSize(LOT).iterator();
             MongoCursor<Document> lesTarifs = mongo.getCollection(TARIFS).find(Filters.exists("versions.0"))
                     .projection(CHAMPS_TARIF).sort(Sorts.ascending("_id")).batchSize(LOT).iterator()) {
            Document tarif = lesTarifs.hasNext() ? lesTarifs.next() : null;
            while (lesContrats.hasNext()) {
                Document contrat = lesContrats.next();
                String numero = contrat.getString("_id");
                while (tarif != null && tarif.getString("_id").compareTo(numero) < 0) {
                    tarif = lesTarifs.hasNext() ? lesTarifs.next() : null;
                }
                Document sonTarif = tarif != null && tarif.getString("_id").equals(numero) ? tarif : null;
                etat(contrat, sonTarif).ifPresent(traitement);
            }
        }
    }

    @Override
    public Optional<EtatContrat> trouver(String numero) {
        Document contrat = mongo.getCollection(CONTRATS).find(Filters.eq("_id", numero)).projection(CHAMPS_CONTRAT)
                .first();
        if (contrat == null || contrat.getString("titulaireSiret") == null) {
            return Optional.empty();
        }
        Document tarif = mongo.getCollection(TARIFS).find(Filters.eq("_id", numero)).projection(CHAMPS_TARIF).first();
        return etat(contrat, tarif);
    }

    private static Optional<EtatContrat> etat(Document d, Document tarif) {
        String numero = d.getString("_id");
        try {
            String famille = d.getString("familleAchat");
            String resilie = d.getString("resilieLe");
            ContratIndexe contrat = new ContratIndexe(numero, d.getString("objet"), d.getString("intituleLot"),
                    d.getString("titulaireSiret"), d.getString("titulaireRaisonSociale"),
                    d.getList("beneficiaires", String.class, List.of()), d.getString("cpv"),
                    famille == null ? null : FamilleAchat.valueOf(famille), LocalDate.parse(d.getString("dateDebut")),
                    LocalDate.parse(d.getString("dateFin")), resilie == null ? null : LocalDate.parse(resilie));
            List<Document> versions = tarif == null ? List.of() : tarif.getList("versions", Document.class, List.of());
            HistoriqueTarif historique = versions.isEmpty() ? null
                    : new HistoriqueTarif(numero, versions.stream().map(SourcesCatalogueMongo::version).toList());
            return Optional.of(new EtatContrat(contrat, historique));
        } catch (RuntimeException illisible) {
            LOG.warn("Contract {} left out of the search: its stored form cannot be read ({})", numero,
                    illisible.toString());
            return Optional.empty();
        }
    }

    private static VersionTarif version(Document v) {
        Number lignes = v.get("lignes", Number.class);
        return new VersionTarif(v.get("numero", Number.class).intValue(), v.getString("id"),
                LocalDate.parse(v.getString("dateEffet")), SourceVersion.valueOf(v.getString("source")), null, null,
                null, null, null, lignes == null ? 0 : lignes.longValue(), null, null);
    }
}
