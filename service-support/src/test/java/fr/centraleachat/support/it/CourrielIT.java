package fr.centraleachat.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.centraleachat.infra.CourrielRecu;
import fr.centraleachat.infra.EmbeddedSmtp;
import fr.centraleachat.infra.FreePorts;
import fr.centraleachat.support.courriel.BoiteDEnvoi;
import fr.centraleachat.support.courriel.Courriel;
import fr.centraleachat.support.courriel.EtatCourriel;
import fr.centraleachat.support.courriel.PieceJointe;
import fr.centraleachat.support.test.InfrastructureDeTest;
import fr.centraleachat.support.test.JetonsDeTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Mails queued by a service go out over real SMTP (the embedded GreenMail), survive an outage, and go out once. */
@SpringBootTest(classes = ApplicationDeTest.class, properties = {"spring.application.name=support-courriel-it",
    "centrale.outbox.collections=adhesions", "centrale.courriel.intervalle=100ms",
    "centrale.courriel.premier-delai=200ms", "centrale.courriel.delai-max=500ms",
    "centrale.courriel.expediteur=centrale@dijon-metropole.example"})
@Import(JetonsDeTest.Configuration.class)
class CourrielIT {

    private static final Duration ATTENTE = Duration.ofSeconds(20);

    /** A server of its own, on a fixed port, so one test can take it away and bring it back. */
    private static Path dossier;
    private static int port;
    private static EmbeddedSmtp smtp;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        dossier = Files.createTempDirectory("courriel-it-");
        port = FreePorts.find();
        smtp = EmbeddedSmtp.start(dossier, port);
        InfrastructureDeTest.brancher(registry, "support-courriel-it");
        registry.add("spring.mail.host", () -> smtp.host());
        registry.add("spring.mail.port", () -> port);
    }

    @AfterAll
    static void arreter() {
        smtp.close();
    }

    @Autowired
    BoiteDEnvoi boite;

    @Test
    void queuedMailArrivesWithItsAttachmentAndIsMarkedSent() {
        String destinataire = adresse();
        byte[] pdf = "%PDF-1.7 notification".getBytes(StandardCharsets.US_ASCII);
        String id = boite.deposer(new Courriel(List.of(destinataire), "Notification du marché M-2027-001",
                "Le marché vous est notifié.", "<p>Le marché vous est <b>notifié</b>.</p>",
                List.of(new PieceJointe("notification.pdf", "application/pdf", pdf))));

        CourrielRecu recu = await().atMost(ATTENTE).until(() -> smtp.courrielsPour(destinataire), l -> l.size() == 1)
                .get(0);

        assertThat(recu.expediteur()).isEqualTo("centrale@dijon-metropole.example");
        assertThat(recu.sujet()).isEqualTo("Notification du marché M-2027-001");
        assertThat(recu.texte()).isEqualTo("Le marché vous est notifié.");
        assertThat(recu.piecesJointes()).containsExactly("notification.pdf");
        EtatCourriel etat = await().atMost(ATTENTE).until(() -> boite.etat(id).orElseThrow(),
                e -> e.statut() == EtatCourriel.Statut.ENVOYE);
        assertThat(etat.envoyeLe()).isNotNull();
        assertThat(recu.messageId()).isEqualTo(etat.messageId());
    }

    @Test
    void sameIdempotencyKeyQueuedTwiceSendsOneMail() throws Exception {
        String destinataire = adresse();
        String cle = "essai:" + UUID.randomUUID();

        String premier = boite.deposer(cle, Courriel.texte(destinataire, "Une fois", "Texte"));
        String second = boite.deposer(cle, Courriel.texte(destinataire, "Une fois", "Texte"));

        assertThat(second).isEqualTo(premier);
        await().atMost(ATTENTE).until(() -> boite.etat(cle).orElseThrow().statut() == EtatCourriel.Statut.ENVOYE);
        // A few more relay passes: nothing else goes out.
        Thread.sleep(500);
        assertThat(smtp.courrielsPour(destinataire)).hasSize(1);
    }

    @Test
    void mailQueuedWhileTheServerIsDownIsRetriedAndDeliveredOnceItIsBack() throws Exception {
        String destinataire = adresse();
        smtp.close();
        String id;
        try {
            id = boite.deposer(Courriel.texte(destinataire, "Pendant la panne", "Texte"));

            EtatCourriel enEchec = await().atMost(ATTENTE).until(() -> boite.etat(id).orElseThrow(),
                    e -> e.tentatives() >= 2);
            assertThat(enEchec.statut()).isIn(EtatCourriel.Statut.EN_ATTENTE, EtatCourriel.Statut.EN_COURS);
            assertThat(enEchec.derniereErreur()).isNotBlank();
        } finally {
            smtp = EmbeddedSmtp.start(dossier, port);
        }

        await().atMost(ATTENTE).until(() -> boite.etat(id).orElseThrow().statut() == EtatCourriel.Statut.ENVOYE);
        assertThat(smtp.courrielsPour(destinataire)).hasSize(1).first()
                .satisfies(recu -> assertThat(recu.sujet()).isEqualTo("Pendant la panne"));
    }

    private static String adresse() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@dijon.example";
    }
}
