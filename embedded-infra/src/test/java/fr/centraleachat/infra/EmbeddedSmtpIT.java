package fr.centraleachat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class EmbeddedSmtpIT {

    @TempDir
    Path tempDir;

    @Test
    void keepsEachMailAsAnEmlFileListedWithItsTextAndAttachments() throws Exception {
        Path dossier = tempDir.resolve("courriels");
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(dossier, 0)) {
            envoyer(smtp, "agent@dijon.example", "acheteur@talant.example", "Marché notifié",
                    "Bonjour,\nle marché M-2026-001 vous est notifié.", "notification.pdf");

            List<CourrielRecu> recus = smtp.courrielsPour("ACHETEUR@talant.example");

            assertThat(recus).hasSize(1);
            CourrielRecu recu = recus.get(0);
            assertThat(recu.expediteur()).isEqualTo("centrale@dijon.example");
            assertThat(recu.destinataires()).containsExactly("agent@dijon.example", "acheteur@talant.example");
            assertThat(recu.sujet()).isEqualTo("Marché notifié");
            assertThat(recu.texte()).contains("M-2026-001");
            assertThat(recu.piecesJointes()).containsExactly("notification.pdf");
            assertThat(recu.messageId()).isNotBlank();
            Path fichier = dossier.resolve(recu.fichier());
            assertThat(fichier).exists().hasFileName(recu.fichier());
            assertThat(recu.fichier()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{12}\\.eml");
            String brut = Files.readString(fichier, StandardCharsets.ISO_8859_1);
            assertThat(brut).contains("Subject: ").contains("Content-Disposition: attachment");
        }
    }

    @Test
    void writesOneFileForAMailWithSeveralRecipients() throws Exception {
        try (EmbeddedSmtp smtp = EmbeddedSmtp.startEphemeral()) {
            envoyer(smtp, "a@dijon.example", "b@dijon.example", "Deux destinataires", "Texte", null);

            assertThat(smtp.courriels()).hasSize(1);
            assertThat(smtp.courrielsPour("a@dijon.example")).hasSize(1);
            assertThat(smtp.courrielsPour("b@dijon.example")).hasSize(1);
            assertThat(smtp.courrielsPour("c@dijon.example")).isEmpty();
        }
    }

    @Test
    void mailsSurviveARestartOnTheSameDirectoryAndPort() throws Exception {
        Path dossier = tempDir.resolve("courriels");
        int port;
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(dossier, 0)) {
            port = smtp.port();
            envoyer(smtp, "x@dijon.example", null, "Avant", "1", null);
        }
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(dossier, port)) {
            envoyer(smtp, "x@dijon.example", null, "Après", "2", null);

            assertThat(smtp.courrielsPour("x@dijon.example")).extracting(CourrielRecu::sujet)
                    .containsExactly("Après", "Avant");
        }
    }

    @Test
    void ephemeralServerDeletesItsDirectoryOnClose() throws Exception {
        Path dossier;
        try (EmbeddedSmtp smtp = EmbeddedSmtp.startEphemeral()) {
            dossier = smtp.directory();
            envoyer(smtp, "x@dijon.example", null, "Jetable", "1", null);
            assertThat(dossier).isNotEmptyDirectory();
        }
        assertThat(dossier).doesNotExist();
    }

    @Test
    void servesOnlyFilesItWrote() throws Exception {
        Path dossier = tempDir.resolve("courriels");
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(dossier, 0)) {
            envoyer(smtp, "x@dijon.example", null, "Vrai", "1", null);
            Files.writeString(dossier.resolve("notes.txt"), "pas un courriel");
            String nom = smtp.courriels().get(0).fichier();

            assertThat(smtp.dossier().fichier(nom)).isPresent();
            assertThat(smtp.dossier().fichier("notes.txt")).isEmpty();
            assertThat(smtp.dossier().fichier("../" + nom)).isEmpty();
            assertThat(smtp.courriels()).hasSize(1);
        }
    }

    public static void envoyer(EmbeddedSmtp smtp, String a, String cc, String sujet, String texte, String pieceJointe)
            throws Exception {
        Properties proprietes = new Properties();
        proprietes.put("mail.smtp.host", smtp.host());
        proprietes.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(proprietes));
        message.setFrom(new InternetAddress("centrale@dijon.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(a));
        if (cc != null) {
            message.setRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        }
        message.setSubject(sujet, "UTF-8");
        if (pieceJointe == null) {
            message.setText(texte, "UTF-8");
        } else {
            MimeBodyPart corps = new MimeBodyPart();
            corps.setText(texte, "UTF-8");
            MimeBodyPart jointe = new MimeBodyPart();
            jointe.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                    "application/pdf")));
            jointe.setFileName(pieceJointe);
            jointe.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(corps, jointe));
        }
        Transport.send(message);
    }
}
