package fr.centraleachat.marche.consultation.persistence;

import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import fr.centraleachat.kernel.FamilleAchat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads with the template, writes through the outbox writer (state and events in one document write). */
@Repository
class ConsultationsMongo implements Consultations {

    private static final Logger LOG = LoggerFactory.getLogger(ConsultationsMongo.class);
    private static final String SUPPRIMEE = "supprimee";

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    ConsultationsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    /** The automatic closing looks up published consultations by DLRO on every pass. */
    @EventListener(ApplicationReadyEvent.class)
    void indexer() {
        try {
            mongo.indexOps(ConsultationDocument.class).createIndex(
                    new Index().on("statut", Sort.Direction.ASC).on("dlro", Sort.Direction.ASC).named("statut_dlro"));
        } catch (DataAccessException e) {
            LOG.warn("Index statut_dlro not created, queries still work without it: {}", e.getMessage());
        }
    }

    @Override
    public Optional<FicheConsultation> trouver(ConsultationId id) {
        Query query = Query.query(Criteria.where("_id").is(id.toString()).and(SUPPRIMEE).ne(true));
        return Optional.ofNullable(mongo.findOne(query, ConsultationDocument.class)).map(ConsultationMapper::versFiche);
    }

    @Override
    public PageVue<FicheConsultation> lister(Set<StatutConsultation> statuts, boolean publieesSeulement,
            PageDemandee page) {
        Query query = Query.query(Criteria.where("statut").in(statuts.stream().map(Enum::name).toList())
                .and(SUPPRIMEE).ne(true));
        if (publieesSeulement) {
            query.addCriteria(Criteria.where("datePublication").exists(true).ne(null));
        }
        long total = mongo.count(query, ConsultationDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "dlro").and(Sort.by("_id"))).skip(page.decalage()).limit(page.taille());
        List<FicheConsultation> elements = mongo.find(query, ConsultationDocument.class).stream()
                .map(ConsultationMapper::versFiche).toList();
        return new PageVue<>(elements, page.page(), page.taille(), total);
    }

    @Override
    public List<ConsultationId> publieesEchues(Instant maintenant, int limite) {
        Query query = Query.query(Criteria.where("statut").is(StatutConsultation.PUBLIEE.name()).and("dlro").lt(maintenant))
                .with(Sort.by(Sort.Direction.ASC, "dlro")).limit(limite);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, ConsultationDocument.COLLECTION).stream()
                .map(document -> ConsultationId.de(document.getString("_id"))).toList();
    }

    @Override
    public List<Consultation> publieesDeLaFamille(FamilleAchat famille, Instant debut, Instant fin, int limite) {
        return publiees(Criteria.where("familleAchat").is(famille.name()), debut, fin, limite);
    }

    @Override
    public List<Consultation> publieesDuGroupeCpv(String groupeCpv, Instant debut, Instant fin, int limite) {
        if (!groupeCpv.matches("\\d{3}")) {
            throw new IllegalArgumentException("CPV group " + groupeCpv);
        }
        return publiees(Criteria.where("cpvPrincipal").regex("^" + groupeCpv), debut, fin, limite);
    }

    private List<Consultation> publiees(Criteria regroupement, Instant debut, Instant fin, int limite) {
        Query query = Query.query(regroupement
                .and("datePublication").gte(debut).lt(fin)
                .and("statut").ne(StatutConsultation.SANS_SUITE.name()).and(SUPPRIMEE).ne(true))
                .with(Sort.by("datePublication", "_id")).limit(limite);
        return mongo.find(query, ConsultationDocument.class).stream()
                .map(d -> ConsultationMapper.versFiche(d).consultation()).toList();
    }

    /**
     * Marks the draft deleted and appends the messages of its deletion in one conditional write (on the version
     * read, so a draft published or changed meanwhile is not deleted). Removing the document at once would remove
     * its outbox with it: if the process died before the journal message was published, the deletion would leave
     * no trace. The document is removed by {@link #effacerBrouillonsSupprimes} once the relay has emptied its outbox.
     */
    @Override
    public boolean supprimerBrouillon(Consultation brouillon, List<MessageSortant> messages) {
        try {
            enregistreur.mettreAJour(ConsultationMapper.versDocumentSupprime(brouillon), brouillon.version(), messages);
            return true;
        } catch (OptimisticLockingFailureException e) {
            return false;
        }
    }

    @Override
    public int effacerBrouillonsSupprimes() {
        Query query = Query.query(Criteria.where(SUPPRIMEE).is(true)
                .and(MessageSortant.CHAMP_OUTBOX + ".0").exists(false));
        return (int) mongo.remove(query, ConsultationDocument.COLLECTION).getDeletedCount();
    }

    @Override
    public void ajouter(Consultation consultation, List<MessageSortant> messages) {
        enregistreur.inserer(ConsultationMapper.versDocument(consultation, List.of()), messages);
    }

    @Override
    public void mettreAJour(Consultation consultation, List<String> avertissements, List<MessageSortant> messages) {
        enregistreur.mettreAJour(ConsultationMapper.versDocument(consultation, avertissements), consultation.version(),
                messages);
    }
}
