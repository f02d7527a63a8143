package fr.centraleachat.catalogue.commande.persistence;

import fr.centraleachat.catalogue.commande.application.BonsDeCommande;
import fr.centraleachat.catalogue.commande.domain.BonDeCommande;
import fr.centraleachat.catalogue.commande.domain.LigneCommande;
import fr.centraleachat.catalogue.commande.domain.StatutBonDeCommande;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class BonsDeCommandeMongo implements BonsDeCommande {

    static final String COMPTEURS = "compteurs_bons";

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    BonsDeCommandeMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<BonDeCommande> trouver(String numero) {
        return Optional.ofNullable(mongo.findById(numero, BonDeCommandeDocument.class)).map(BonsDeCommandeMongo::lire);
    }

    @Override
    public void enregistrer(BonDeCommande b, List<MessageSortant> messages) {
        BonDeCommandeDocument document = new BonDeCommandeDocument(b.numero(), b.numeroContrat(), b.siren().valeur(),
                b.titulaire().valeur(), b.dateCommande(), b.lignes().stream().map(l -> new BonDeCommandeDocument
                        .LigneDocument(l.reference(), l.designation(), l.unite(), l.quantite().toPlainString(),
                                l.prixUnitaireHt().toPlainString(), l.tauxTva().toPlainString())).toList(),
                b.adresseLivraison(), b.statut().name(), b.montantHt().toPlainString(), b.emisLe(), b.livreLe(),
                b.annuleLe(), b.motifAnnulation(), b.version());
        if (b.estNouveau()) {
            enregistreur.inserer(document, messages);
        } else {
            enregistreur.mettreAJour(document, b.version(), messages);
        }
    }

    @Override
    public String prochainNumero(Siren siren, int annee) {
        String cle = siren.valeur() + "-" + annee;
        Document compteur = mongo.findAndModify(Query.query(Criteria.where("_id").is(cle)),
                new Update().inc("valeur", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COMPTEURS);
        return cle + "-" + String.format("%05d", ((Number) compteur.get("valeur")).longValue());
    }

    @Override
    public PageVue<BonDeCommande> lister(Siren membre, Siret titulaire, String numeroContrat, PageDemandee page) {
        Criteria criteres = new Criteria();
        if (membre != null) {
            criteres.and("siren").is(membre.valeur());
        }
        if (titulaire != null) {
            criteres.and("titulaireSiret").is(titulaire.valeur());
        }
        if (numeroContrat != null) {
            criteres.and("numeroContrat").is(numeroContrat);
        }
        Query query = Query.query(criteres);
        long total = mongo.count(query, BonDeCommandeDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "_id")).skip(page.decalage()).limit(page.taille());
        return new PageVue<>(mongo.find(query, BonDeCommandeDocument.class).stream().map(BonsDeCommandeMongo::lire)
                .toList(), page.page(), page.taille(), total);
    }

    @Override
    public Map<Siren, BigDecimal> consommationParMembre(String numeroContrat) {
        Query query = Query.query(Criteria.where("numeroContrat").is(numeroContrat)
                .and("statut").in(StatutBonDeCommande.EMIS.name(), StatutBonDeCommande.LIVRE.name()));
        query.fields().include("siren", "montantHt");
        Map<Siren, BigDecimal> parMembre = new TreeMap<>(java.util.Comparator.comparing(Siren::valeur));
        try (var flux = mongo.stream(query, Document.class, BonDeCommandeDocument.COLLECTION)) {
            flux.forEach(d -> parMembre.merge(new Siren(d.getString("siren")), new BigDecimal(d.getString("montantHt")),
                    BigDecimal::add));
        }
        return parMembre;
    }

    private static BonDeCommande lire(BonDeCommandeDocument d) {
        return BonDeCommande.reconstituer(d.id(), d.numeroContrat(), new Siren(d.siren()), new Siret(d.titulaireSiret()),
                d.dateCommande(), d.lignes().stream().map(l -> new LigneCommande(l.reference(), l.designation(),
                        l.unite(), new BigDecimal(l.quantite()), new BigDecimal(l.prixUnitaireHt()),
                        new BigDecimal(l.tauxTva()))).toList(), d.adresseLivraison(),
                StatutBonDeCommande.valueOf(d.statut()), d.emisLe(), d.livreLe(), d.annuleLe(), d.motifAnnulation(),
                d.version());
    }
}
