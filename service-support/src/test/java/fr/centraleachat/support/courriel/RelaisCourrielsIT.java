package fr.centraleachat.support.courriel;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.HorlogeReglable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.centraleachat.support.test.InfrastructureDeTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The relay's retry, parking and hold rules, on the embedded store with a sender that records or fails. */
class RelaisCourrielsIT {

    private MongoClient client;
    private MongoTemplate mongo;
    private final HorlogeReglable horloge = new HorlogeReglable(Instant.parse("2027-01-15T11:00:00Z"));
    private final Expediteur expediteur = new Expediteur();
    private final SimpleMeterRegistry metriques = new SimpleMeterRegistry();
    private final CourrielProperties proprietes = new CourrielProperties(null, null, Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofMinutes(1), 3, Duration.ofMinutes(2), 20);
    private BoiteDEnvoiMongo boite;
    private RelaisCourriels relais;

    @BeforeEach
    void brancher() {
        client = MongoClients.create(InfrastructureDeTest.mongo().connectionString());
        mongo = new MongoTemplate(client, "relais-courriels-" + UUID.randomUUID());
        boite = new BoiteDEnvoiMongo(mongo, proprietes, horloge, () -> { });
        relais = new RelaisCourriels(mongo, expediteur, proprietes, horloge, metriques);
    }

    @AfterEach
    void fermer() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void sentMailIsMarkedWithItsTimeAndNeverSentAgain() {
        String id = boite.deposer(Courriel.texte("agent@dijon.example", "Notification", "Texte"));

        assertThat(relais.envoyerEnAttente()).isEqualTo(1);
        horloge.avancer(Duration.ofMinutes(10));
        assertThat(relais.envoyerEnAttente()).isZero();

        assertThat(expediteur.envoyes).hasSize(1);
        EtatCourriel etat = boite.etat(id).orElseThrow();
        assertThat(etat.statut()).isEqualTo(EtatCourriel.Statut.ENVOYE);
        assertThat(etat.envoyeLe()).isEqualTo(horloge.instant().minus(Duration.ofMinutes(10)));
        assertThat(metriques.counter("centrale.courriels.envoyes").count()).isEqualTo(1.0);
    }

    @Test
    void failedMailWaitsLongerAfterEachFailureThenIsParkedWithItsError() {
        expediteur.enPanne = true;
        String id = boite.deposer(Courriel.texte("agent@dijon.example", "Relance", "Texte"));

        relais.envoyerEnAttente();
        assertThat(boite.etat(id).orElseThrow()).satisfies(etat -> {
            assertThat(etat.statut()).isEqualTo(EtatCourriel.Statut.EN_ATTENTE);
            assertThat(etat.tentatives()).isEqualTo(1);
            assertThat(etat.derniereErreur()).contains("SMTP en panne");
        });
        relais.envoyerEnAttente();
        assertThat(expediteur.essais).as("not retried before its wait").isEqualTo(1);

        horloge.avancer(Duration.ofSeconds(10));
        relais.envoyerEnAttente();
        horloge.avancer(Duration.ofSeconds(19));
        relais.envoyerEnAttente();
        assertThat(expediteur.essais).as("second wait is doubled").isEqualTo(2);
        horloge.avancer(Duration.ofSeconds(1));
        relais.envoyerEnAttente();

        EtatCourriel parque = boite.etat(id).orElseThrow();
        assertThat(parque.statut()).isEqualTo(EtatCourriel.Statut.PARQUE);
        assertThat(parque.tentatives()).isEqualTo(3);
        assertThat(metriques.counter("centrale.courriels.echecs").count()).isEqualTo(3.0);
        assertThat(metriques.counter("centrale.courriels.parques").count()).isEqualTo(1.0);
        horloge.avancer(Duration.ofHours(1));
        relais.envoyerEnAttente();
        assertThat(expediteur.essais).as("a parked mail is not tried").isEqualTo(3);

        expediteur.enPanne = false;
        assertThat(boite.reprendre(id)).isTrue();
        relais.envoyerEnAttente();
        assertThat(boite.etat(id).orElseThrow().statut()).isEqualTo(EtatCourriel.Statut.ENVOYE);
        assertThat(expediteur.envoyes).hasSize(1);
    }

    @Test
    void mailHeldByARelayThatDiedIsSentAgainAfterTheHoldWithTheSameMessageId() throws MessagingException {
        String id = boite.deposer(Courriel.texte("agent@dijon.example", "Tenu", "Texte"));
        // What a relay leaves behind when it dies after taking the mail (and maybe after the server accepted it).
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("statut", "EN_COURS")
                .set("bailJusqua", Date.from(horloge.instant().plus(Duration.ofMinutes(2)))),
                BoiteDEnvoiMongo.COLLECTION);

        relais.envoyerEnAttente();
        assertThat(expediteur.envoyes).as("held by another relay").isEmpty();

        horloge.avancer(Duration.ofMinutes(3));
        relais.envoyerEnAttente();

        assertThat(expediteur.envoyes).hasSize(1);
        assertThat(expediteur.envoyes.get(0).getMessageID()).isEqualTo(boite.etat(id).orElseThrow().messageId())
                .matches("<[0-9a-f-]{36}@dijon-metropole\\.example>");
    }

    @Test
    void sameIdempotencyKeyQueuesOneMail() {
        String premier = boite.deposer("marche-notifie:M-1", Courriel.texte("a@dijon.example", "Un", "1"));
        String second = boite.deposer("marche-notifie:M-1", Courriel.texte("a@dijon.example", "Deux", "2"));

        relais.envoyerEnAttente();

        assertThat(second).isEqualTo(premier).isEqualTo("marche-notifie:M-1");
        assertThat(mongo.count(new Query(), BoiteDEnvoiMongo.COLLECTION)).isEqualTo(1);
        assertThat(expediteur.envoyes).hasSize(1);
    }

    /** Records what it would send, or fails like an SMTP server that is away. */
    static final class Expediteur extends JavaMailSenderImpl {

        final List<MimeMessage> envoyes = new ArrayList<>();
        volatile boolean enPanne;
        int essais;

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originaux) {
            essais++;
            if (enPanne) {
                throw new MailSendException("SMTP en panne");
            }
            for (MimeMessage message : messages) {
                try {
                    message.saveChanges();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
                envoyes.add(message);
            }
        }
    }

}
