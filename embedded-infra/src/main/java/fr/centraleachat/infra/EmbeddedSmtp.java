package fr.centraleachat.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) running inside the current JVM that keeps every mail it accepts as an {@code .eml}
 * file in a directory ({@link DossierCourriels}), and nowhere else: memory does not grow with the mails, and they
 * survive a restart. Any sender and recipient is accepted, without authentication. Usable without Spring:
 *
 * <pre>{@code
 * try (EmbeddedSmtp smtp = EmbeddedSmtp.startEphemeral()) {
 *     // spring.mail.host = smtp.host(), spring.mail.port = smtp.port()
 *     List<CourrielRecu> recus = smtp.courrielsPour("agent@dijon.example");
 * }
 * }</pre>
 *
 * The file is written before the server answers the end of the message, so a mail the sender was told is accepted
 * is on disk; if it cannot be written, the sender gets no acceptance and keeps its mail.
 */
public final class EmbeddedSmtp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);

    private final GreenMail greenMail;
    private final String host;
    private final int port;
    private final DossierCourriels dossier;
    private final boolean deleteOnClose;
    private boolean closed;

    private EmbeddedSmtp(GreenMail greenMail, String host, int port, DossierCourriels dossier, boolean deleteOnClose) {
        this.greenMail = greenMail;
        this.host = host;
        this.port = port;
        this.dossier = dossier;
        this.deleteOnClose = deleteOnClose;
    }

    /** A server keeping its mails in {@code directory}, listening on 127.0.0.1:{@code port} (0 = any free port). */
    public static EmbeddedSmtp start(Path directory, int port) {
        return builder().directory(directory).port(port).start();
    }

    /** A throw-away server on a free port, its mails in a temporary directory deleted by {@link #close()}. */
    public static EmbeddedSmtp startEphemeral() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The host a client connects to ({@code spring.mail.host}). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Where the {@code .eml} files are. */
    public Path directory() {
        return dossier.chemin();
    }

    public DossierCourriels dossier() {
        return dossier;
    }

    /** Every mail received (in this directory, also before a restart), newest first. */
    public List<CourrielRecu> courriels() {
        return dossier.lire();
    }

    /** The mails whose To or Cc holds {@code destinataire}, newest first. */
    public List<CourrielRecu> courrielsPour(String destinataire) {
        return dossier.lire(Objects.requireNonNull(destinataire), Integer.MAX_VALUE);
    }

    /** Stops listening (the files stay, unless ephemeral); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        greenMail.stop();
        log.info("SMTP server on port {} stopped", port);
        if (deleteOnClose) {
            FileUtils.deleteRecursively(dossier.chemin());
        }
    }

    /** Configures and starts an {@link EmbeddedSmtp}. */
    public static final class Builder {

        private Path directory;
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where the {@code .eml} files go; a temporary directory, deleted on close, when not set. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Bind address; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock naming the files. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public EmbeddedSmtp start() {
            boolean ephemeral = directory == null;
            Path dir;
            try {
                dir = ephemeral ? Files.createTempDirectory("embedded-smtp-") : directory.toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create mail directory", e);
            }
            DossierCourriels dossier = new DossierCourriels(dir);
            ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
            if (port <= 0) {
                setup = setup.dynamicPort();
            }
            GreenMail greenMail = new GreenMail(setup);
            // Every recipient of a message is delivered through this handler; the file is written once per message.
            greenMail.getUserManager().setMessageDeliveryHandler(new EnFichier(dossier, clock));
            try {
                greenMail.start();
            } catch (RuntimeException e) {
                if (ephemeral) {
                    FileUtils.deleteRecursively(dir);
                }
                throw e;
            }
            int actualPort = greenMail.getSmtp().getPort();
            String clientHost = "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
            log.info("SMTP server ready on {}:{}, mails kept in {}", clientHost, actualPort, dossier.chemin());
            return new EmbeddedSmtp(greenMail, clientHost, actualPort, dossier, ephemeral);
        }
    }

    /** Writes each accepted message once, then hands GreenMail a mailbox that keeps nothing in memory. */
    private static final class EnFichier implements com.icegreen.greenmail.user.MessageDeliveryHandler {

        private final DossierCourriels dossier;
        private final Clock clock;
        /** Messages already written: the handler is called once per recipient with the same message. */
        private final Set<MovingMessage> ecrits = Collections.newSetFromMap(new WeakHashMap<>());

        EnFichier(DossierCourriels dossier, Clock clock) {
            this.dossier = dossier;
            this.clock = clock;
        }

        @Override
        public GreenMailUser handle(MovingMessage message, com.icegreen.greenmail.mail.MailAddress adresse) {
            synchronized (ecrits) {
                if (ecrits.add(message)) {
                    try {
                        Path fichier = dossier.ecrire(message.getMessage(), clock.instant());
                        log.info("Mail received for {}, kept in {}", message.getToAddresses(), fichier.getFileName());
                    } catch (RuntimeException e) {
                        ecrits.remove(message);
                        throw e;
                    }
                }
            }
            return new BoiteSansMemoire(adresse.getEmail());
        }
    }

    /** A recipient whose deliveries are dropped: the message is already in its file. */
    private record BoiteSansMemoire(String email) implements GreenMailUser {

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage msg) {
            // kept in the mail directory
        }

        @Override
        public void deliver(MimeMessage msg) {
            // kept in the mail directory
        }

        @Override
        public void create() {
            // no mailbox
        }

        @Override
        public void delete() {
            // no mailbox
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            // no authentication
        }

        @Override
        public void authenticate(String password) {
            // no authentication
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
