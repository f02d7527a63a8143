package fr.centraleachat.support.courriel;

import fr.centraleachat.support.web.CorrelationId;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@link BoiteDEnvoi} on MongoDB: one document per mail in {@value #COLLECTION}, attachments inline, written in
 * one insert whose {@code _id} is the idempotency key, so a second deposit under the same key is refused by the
 * store itself, whatever the number of instances.
 */
public class BoiteDEnvoiMongo implements BoiteDEnvoi {

    public static final String COLLECTION = "courriels_sortants";

    private static final Logger LOG = LoggerFactory.getLogger(BoiteDEnvoiMongo.class);

    private static final Pattern CLE = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final MongoTemplate mongo;
    private final CourrielProperties proprietes;
    private final Clock horloge;
    private final Runnable reveil;

    /** @param reveil called after a deposit, so the relay sends it now rather than at its next poll */
    public BoiteDEnvoiMongo(MongoTemplate mongo, CourrielProperties proprietes, Clock horloge, Runnable reveil) {
        this.mongo = mongo;
        this.proprietes = proprietes;
        this.horloge = horloge;
        this.reveil = reveil;
    }

    @Override
    public String deposer(Courriel courriel) {
        return inserer(UUID.randomUUID().toString(), courriel);
    }

    @Override
    public String deposer(String cleIdempotence, Courriel courriel) {
        if (cleIdempotence == null || !CLE.matcher(cleIdempotence).matches()) {
            throw new IllegalArgumentException("Idempotency key must be 1-200 visible ASCII characters");
        }
        return inserer(cleIdempotence, courriel);
    }

    private String inserer(String id, Courriel courriel) {
        Instant maintenant = horloge.instant();
        Document document = new Document("_id", id)
                .append("statut", EtatCourriel.Statut.EN_ATTENTE.name())
                .append("expediteur", proprietes.expediteur())
                .append("destinataires", courriel.destinataires())
                .append("sujet", courriel.sujet())
                .append("texte", courriel.texte())
                .append("html", courriel.html())
                .append("piecesJointes", courriel.piecesJointes().stream()
                        .map(p -> new Document("nom", p.nom()).append("typeContenu", p.typeContenu())
                                .append("contenu", new Binary(p.contenuSansCopie())))
                        .toList())
                // Fixed now, so a mail sent again after a crash carries the same Message-ID and can be recognised.
                .append("messageId", "<" + UUID.randomUUID() + "@" + proprietes.domaine() + ">")
                .append("deposeLe", Date.from(maintenant))
                .append("prochainEssai", Date.from(maintenant))
                .append("tentatives", 0)
                .append("correlationId", CorrelationId.courant());
        try {
            mongo.insert(document, COLLECTION);
            LOG.info("Mail {} queued for {} recipient(s): {}", id, courriel.destinataires().size(), courriel.sujet());
        } catch (DuplicateKeyException dejaDepose) {
            LOG.info("Mail {} already queued, not queued again", id);
            return id;
        }
        reveil.run();
        return id;
    }

    @Override
    public Optional<EtatCourriel> etat(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("piecesJointes").exclude("texte").exclude("html");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(BoiteDEnvoiMongo::etat);
    }

    @Override
    public boolean reprendre(String id) {
        boolean repris = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("statut").is(EtatCourriel.Statut.PARQUE.name())),
                new Update().set("statut", EtatCourriel.Statut.EN_ATTENTE.name()).set("tentatives", 0)
                        .set("prochainEssai", Date.from(horloge.instant())).unset("parqueLe"),
                COLLECTION).getModifiedCount() > 0;
        if (repris) {
            LOG.info("Parked mail {} queued again", id);
            reveil.run();
        }
        return repris;
    }

    static EtatCourriel etat(Document document) {
        Date envoyeLe = document.getDate("envoyeLe");
        return new EtatCourriel(document.getString("_id"), EtatCourriel.Statut.valueOf(document.getString("statut")),
                document.getInteger("tentatives", 0), document.getString("derniereErreur"),
                document.getString("messageId"), envoyeLe == null ? null : envoyeLe.toInstant());
    }

    static List<PieceJointe> piecesJointes(Document document) {
        return document.getList("piecesJointes", Document.class, List.of()).stream()
                .map(p -> new PieceJointe(p.getString("nom"), p.getString("typeContenu"), octets(p.get("contenu"))))
                .toList();
    }

    private static byte[] octets(Object valeur) {
        return valeur instanceof Binary binaire ? binaire.getData() : valeur instanceof byte[] b ? b : new byte[0];
    }
}
