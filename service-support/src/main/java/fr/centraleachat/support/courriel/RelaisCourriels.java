package fr.centraleachat.support.courriel;

import fr.centraleachat.support.web.CorrelationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import fr.centraleachat.support.relais.PassesDeRelais;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends the mails of the {@link BoiteDEnvoi} over SMTP, oldest due first. Each mail is taken with one atomic update
 * (status {@code EN_COURS} and a hold until {@code bail}), so two instances of a service never send it at the same
 * time; once the SMTP server has accepted it, it is marked {@code ENVOYE} with the time. A failure leaves it
 * pending with its error and a later next attempt (doubling up to {@code delaiMax}); after {@code tentativesMax}
 * failures, or at once when the mail cannot even be built, it is parked ({@code PARQUE}) and kept.
 * <p>
 * Delivery is at least once: a process that dies between the server's acceptance and the mark leaves the mail held;
 * when the hold expires it is sent again, with the same {@code Message-ID}. A process that is alive never sends a
 * mail twice: if the mark cannot be written (MongoDB away), it remembers the mail and writes the mark later.
 */
public class RelaisCourriels implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RelaisCourriels.class);

    private static final int ERREUR_MAX = 1000;

    private final MongoTemplate mongo;
    private final JavaMailSender expediteur;
    private final CourrielProperties proprietes;
    private final Clock horloge;
    private final Counter envoyes;
    private final Counter echecs;
    private final Counter parques;
    /** Accepted by the SMTP server but not yet marked sent: never sent again by this process. */
    private final Map<String, Instant> envoyesNonMarques = new ConcurrentHashMap<>();
    private volatile boolean indexCree;
    /** An SMTP exchange is under way: a stop lets it finish so that its mark is written. */
    private volatile boolean envoiEnCours;
    private final PassesDeRelais passes = new PassesDeRelais("courriels-relay", this::passe);

    public RelaisCourriels(MongoTemplate mongo, JavaMailSender expediteur, CourrielProperties proprietes, Clock horloge,
            MeterRegistry metriques) {
        this.mongo = mongo;
        this.expediteur = expediteur;
        this.proprietes = proprietes;
        this.horloge = horloge;
        this.envoyes = Counter.builder("centrale.courriels.envoyes").description("Mails accepted by the SMTP server")
                .register(metriques);
        this.echecs = Counter.builder("centrale.courriels.echecs").description("Failed attempts to send a mail")
                .register(metriques);
        this.parques = Counter.builder("centrale.courriels.parques")
                .description("Mails parked after too many failures or because they cannot be built")
                .register(metriques);
    }

    /** Runs one pass: sends the mails that are due, at most {@code lot}; returns how many were accepted. */
    public int envoyerEnAttente() {
        creerIndex();
        marquerEnvoyesNonMarques();
        int acceptes = 0;
        for (int i = 0; i < proprietes.lot(); i++) {
            Document courriel = prendre();
            if (courriel == null) {
                break;
            }
            Resultat resultat = envoyer(courriel);
            if (resultat == Resultat.ENVOYE) {
                acceptes++;
            } else if (resultat == Resultat.A_REESSAYER) {
                // The server is probably away for the others too: they wait for the next pass.
                break;
            }
        }
        return acceptes;
    }

    private enum Resultat { ENVOYE, A_REESSAYER, PARQUE }

    /** Takes the next due mail, or one whose holder died (its hold expired). */
    private Document prendre() {
        Instant maintenant = horloge.instant();
        Query dus = Query.query(new Criteria().orOperator(
                        Criteria.where("statut").is(EtatCourriel.Statut.EN_ATTENTE.name())
                                .and("prochainEssai").lte(Date.from(maintenant)),
                        Criteria.where("statut").is(EtatCourriel.Statut.EN_COURS.name())
                                .and("bailJusqua").lt(Date.from(maintenant))))
                .with(Sort.by("prochainEssai"));
        return mongo.findAndModify(dus,
                new Update().set("statut", EtatCourriel.Statut.EN_COURS.name())
                        .set("bailJusqua", Date.from(maintenant.plus(proprietes.bail()))),
                FindAndModifyOptions.options().returnNew(true), Document.class, BoiteDEnvoiMongo.COLLECTION);
    }

    private Resultat envoyer(Document courriel) {
        String id = courriel.getString("_id");
        try (var correlation = MDC.putCloseable(CorrelationId.MDC_KEY, courriel.getString("correlationId"))) {
            if (envoyesNonMarques.containsKey(id)) {
                marquerEnvoye(courriel, envoyesNonMarques.get(id));
                return Resultat.ENVOYE;
            }
            MimeMessage message;
            try {
                message = construire(courriel);
            } catch (MessagingException | MailException | IllegalArgumentException e) {
                parquer(courriel, e);
                return Resultat.PARQUE;
            }
            try {
                envoiEnCours = true;
                expediteur.send(message);
            } catch (MailParseException | MailPreparationException e) {
                parquer(courriel, e);
                return Resultat.PARQUE;
            } catch (MailException | IllegalStateException e) {
                return echouer(courriel, e);
            } finally {
                envoiEnCours = false;
            }
            Instant accepte = horloge.instant();
            envoyesNonMarques.put(id, accepte);
            envoyes.increment();
            LOG.info("Mail {} sent to {} ({})", id, courriel.getList("destinataires", String.class),
                    courriel.getString("messageId"));
            marquerEnvoye(courriel, accepte);
            return Resultat.ENVOYE;
        }
    }

    private MimeMessage construire(Document courriel) throws MessagingException {
        Session session = expediteur instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        MimeMessage message = new MessageIdentifie(session, courriel.getString("messageId"));
        List<PieceJointe> piecesJointes = BoiteDEnvoiMongo.piecesJointes(courriel);
        String html = courriel.getString("html");
        MimeMessageHelper aide = new MimeMessageHelper(message, !piecesJointes.isEmpty() || html != null, "UTF-8");
        aide.setFrom(courriel.getString("expediteur"));
        aide.setTo(courriel.getList("destinataires", String.class).toArray(String[]::new));
        aide.setSubject(courriel.getString("sujet"));
        aide.setSentDate(Date.from(horloge.instant()));
        if (html != null) {
            aide.setText(courriel.getString("texte"), html);
        } else {
            aide.setText(courriel.getString("texte"));
        }
        for (PieceJointe pieceJointe : piecesJointes) {
            aide.addAttachment(pieceJointe.nom(), new ByteArrayResource(pieceJointe.contenuSansCopie()),
                    pieceJointe.typeContenu());
        }
        return message;
    }

    /** Marks the mail sent, if this relay still holds it; keeps it in memory while MongoDB cannot be written. */
    private void marquerEnvoye(Document courriel, Instant accepte) {
        String id = courriel.getString("_id");
        long marques = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id).and("statut").is(EtatCourriel.Statut.EN_COURS.name())),
                new Update().set("statut", EtatCourriel.Statut.ENVOYE.name()).set("envoyeLe", Date.from(accepte))
                        .unset("bailJusqua").unset("prochainEssai"),
                BoiteDEnvoiMongo.COLLECTION).getModifiedCount();
        envoyesNonMarques.remove(id);
        if (marques == 0) {
            LOG.warn("Mail {} was sent but is no longer held by this relay", id);
        }
    }

    private void marquerEnvoyesNonMarques() {
        for (Map.Entry<String, Instant> envoye : envoyesNonMarques.entrySet()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(envoye.getKey())
                            .and("statut").ne(EtatCourriel.Statut.ENVOYE.name())),
                    new Update().set("statut", EtatCourriel.Statut.ENVOYE.name())
                            .set("envoyeLe", Date.from(envoye.getValue())).unset("bailJusqua")
                            .unset("prochainEssai"),
                    BoiteDEnvoiMongo.COLLECTION);
            envoyesNonMarques.remove(envoye.getKey());
        }
    }

    private Resultat echouer(Document courriel, RuntimeException erreur) {
        echecs.increment();
        int tentatives = courriel.getInteger("tentatives", 0) + 1;
        if (tentatives >= proprietes.tentativesMax()) {
            parquer(courriel, erreur);
            return Resultat.A_REESSAYER;
        }
        Instant prochainEssai = horloge.instant().plus(proprietes.attenteApres(tentatives));
        mongo.updateFirst(enCours(courriel),
                new Update().set("statut", EtatCourriel.Statut.EN_ATTENTE.name()).set("tentatives", tentatives)
                        .set("prochainEssai", Date.from(prochainEssai)).set("derniereErreur", message(erreur))
                        .unset("bailJusqua"),
                BoiteDEnvoiMongo.COLLECTION);
        LOG.warn("Mail {} not sent (attempt {}), kept and retried at {}: {}", courriel.getString("_id"), tentatives,
                prochainEssai, message(erreur));
        return Resultat.A_REESSAYER;
    }

    private void parquer(Document courriel, Exception erreur) {
        parques.increment();
        int tentatives = courriel.getInteger("tentatives", 0) + 1;
        mongo.updateFirst(enCours(courriel),
                new Update().set("statut", EtatCourriel.Statut.PARQUE.name()).set("tentatives", tentatives)
                        .set("derniereErreur", message(erreur)).set("parqueLe", Date.from(horloge.instant()))
                        .unset("bailJusqua").unset("prochainEssai"),
                BoiteDEnvoiMongo.COLLECTION);
        LOG.error("Mail {} parked after {} attempt(s), kept for an operator: {}", courriel.getString("_id"),
                tentatives, message(erreur));
    }

    private static Query enCours(Document courriel) {
        return Query.query(Criteria.where("_id").is(courriel.getString("_id"))
                .and("statut").is(EtatCourriel.Statut.EN_COURS.name()));
    }

    private static String message(Throwable erreur) {
        StringBuilder texte = new StringBuilder();
        for (Throwable t = erreur; t != null && texte.length() < ERREUR_MAX; t = t.getCause()) {
            if (!texte.isEmpty()) {
                texte.append(" <- ");
            }
            texte.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return texte.length() > ERREUR_MAX ? texte.substring(0, ERREUR_MAX) : texte.toString();
    }

    private void creerIndex() {
        if (!indexCree) {
            mongo.indexOps(BoiteDEnvoiMongo.COLLECTION).createIndex(new Index().on("statut", Sort.Direction.ASC)
                    .on("prochainEssai", Sort.Direction.ASC).named("a_envoyer"));
            indexCree = true;
        }
    }

    /** Asks for a pass now, because a mail was just queued. */
    public void reveiller() {
        passes.planifier(0);
    }

    private long passe() {
        try {
            envoyerEnAttente();
        } catch (RuntimeException e) {
            // MongoDB away: the mails are where they were; the next pass tries again.
            LOG.warn("Mail relay pass failed, mails stay queued: {}", e.getMessage());
        }
        return proprietes.intervalle().toMillis();
    }

    @Override
    public void start() {
        passes.demarrer(proprietes.intervalle().toMillis());
    }

    @Override
    public void stop() {
        // A send in progress finishes (the SMTP time-outs bound it) so that its mark is written; anything else (a
        // MongoDB read waiting for a server that is gone) is interrupted: the mails stay queued.
        if (!passes.arreter(Duration.ofSeconds(envoiEnCours ? 20 : 1))) {
            passes.interrompre();
        }
    }

    @Override
    public boolean isRunning() {
        return passes.enMarche();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Keeps the Message-ID fixed when the mail was queued: JavaMail would otherwise make a new one per send. */
    private static final class MessageIdentifie extends MimeMessage {

        private final String messageId;

        MessageIdentifie(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
