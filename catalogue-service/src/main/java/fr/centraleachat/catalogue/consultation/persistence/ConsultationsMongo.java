package fr.centraleachat.catalogue.consultation.persistence;

import fr.centraleachat.catalogue.consultation.application.Consultations;
import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.catalogue.consultation.domain.ContenuConsultation;
import fr.centraleachat.catalogue.consultation.domain.CritereConsultation;
import fr.centraleachat.catalogue.consultation.domain.LotConsultation;
import fr.centraleachat.catalogue.consultation.domain.StatutConsultation;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.messaging.EvenementsAppliques;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per consultation, closed ones kept with their status. Amounts are stored as decimal strings so
 * that no precision is lost whatever the store.
 */
@Repository
class ConsultationsMongo implements Consultations {

    static final String COLLECTION = "consultations";

    private final MongoTemplate mongo;
    private final EvenementsAppliques evenementsAppliques;

    ConsultationsMongo(MongoTemplate mongo, EvenementsAppliques evenementsAppliques) {
        this.mongo = mongo;
        this.evenementsAppliques = evenementsAppliques;
    }

    @Override
    public Optional<Consultation> trouver(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(ConsultationsMongo::lire);
    }

    @Override
    public boolean enregistrer(Consultation consultation, String evenementId) {
        Update modification = new Update();
        consultation.contenu().ifPresent(c -> modification.set("objet", c.objet()).set("nature", c.nature())
                .set("cpvPrincipal", c.cpvPrincipal().valeur()).set("procedure", c.procedure())
                .set("valeurEstimeeTotale", decimal(c.valeurEstimeeTotale()))
                .set("datePublication", c.datePublication() == null ? null : Date.from(c.datePublication()))
                .set("dlro", Date.from(c.dlro()))
                .set("lots", c.lots().stream().map(ConsultationsMongo::ecrire).toList())
                .set("criteres", c.criteres().stream().map(ConsultationsMongo::ecrire).toList())
                .set("beneficiaires", c.beneficiaires().stream().map(Siren::valeur).toList())
                .set("divisionsCpv", List.copyOf(c.divisionsCpv()))
                .set("publiciteBoampOuJalRequise", c.publiciteBoampOuJalRequise())
                .set("familleAchat", c.familleAchat()));
        consultation.statut().ifPresent(statut -> modification.set("statut", statut.name()));
        return evenementsAppliques.appliquerUneFois(COLLECTION, consultation.id(), evenementId, modification);
    }

    @Override
    public PageVue<Consultation> ouvertes(Instant maintenant, Optional<Siren> beneficiaire,
            Optional<String> divisionCpv, PageDemandee page) {
        // The same rule as Consultation.estOuverte, in the query, so that the total and the pages agree.
        Criteria criteres = Criteria.where("statut").is(StatutConsultation.OUVERTE.name())
                .and("objet").exists(true).and("dlro").gt(Date.from(maintenant));
        beneficiaire.ifPresent(siren -> criteres.and("beneficiaires").is(siren.valeur()));
        divisionCpv.ifPresent(division -> criteres.and("divisionsCpv").is(division));
        Query query = Query.query(criteres);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("dlro").and(Sort.by("_id"))).skip(page.decalage()).limit(page.taille());
        List<Consultation> elements = mongo.find(query, Document.class, COLLECTION).stream()
                .map(ConsultationsMongo::lire).toList();
        return new PageVue<>(elements, page.page(), page.taille(), total);
    }

    private static Document ecrire(LotConsultation lot) {
        return new Document("numero", lot.numero()).append("intitule", lot.intitule())
                .append("montantEstime", decimal(lot.montantEstime()))
                .append("cpv", lot.cpv() == null ? null : lot.cpv().valeur());
    }

    private static Document ecrire(CritereConsultation critere) {
        return new Document("libelle", critere.libelle()).append("ponderation", critere.ponderation())
                .append("type", critere.type());
    }

    private static Consultation lire(Document doc) {
        String statut = doc.getString("statut");
        ContenuConsultation contenu = doc.getString("objet") == null ? null : new ContenuConsultation(
                doc.getString("objet"), doc.getString("nature"), new CodeCpv(doc.getString("cpvPrincipal")),
                doc.getString("procedure"), decimal(doc.getString("valeurEstimeeTotale")),
                instant(doc.getDate("datePublication")), instant(doc.getDate("dlro")),
                doc.getList("lots", Document.class, List.of()).stream()
                        .map(lot -> new LotConsultation(lot.getInteger("numero"), lot.getString("intitule"),
                                decimal(lot.getString("montantEstime")),
                                lot.getString("cpv") == null ? null : new CodeCpv(lot.getString("cpv"))))
                        .toList(),
                doc.getList("criteres", Document.class, List.of()).stream()
                        .map(c -> new CritereConsultation(c.getString("libelle"), c.getInteger("ponderation"),
                                c.getString("type")))
                        .toList(),
                doc.getList("beneficiaires", String.class, List.of()).stream().map(Siren::new).toList(),
                doc.getBoolean("publiciteBoampOuJalRequise"), doc.getString("familleAchat"));
        return Consultation.reconstituer(doc.getString("_id"), contenu,
                statut == null ? null : StatutConsultation.valueOf(statut));
    }

    private static String decimal(BigDecimal valeur) {
        return valeur == null ? null : valeur.toPlainString();
    }

    private static BigDecimal decimal(String valeur) {
        return valeur == null ? null : new BigDecimal(valeur);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
