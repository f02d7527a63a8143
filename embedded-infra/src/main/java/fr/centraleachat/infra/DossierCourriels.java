package fr.centraleachat.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A directory of received mails, one RFC 822 {@code .eml} file each, named {@code <UTC time>-<id>.eml} so the
 * names sort by arrival and any mail client opens them. Files are written to a hidden temporary name and moved
 * into place, so a reader never sees half a mail.
 */
public final class DossierCourriels {

    private static final DateTimeFormatter HORODATAGE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The names this class writes; anything else in the directory (or a path) is never served. */
    private static final Pattern NOM = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{12}\\.eml");

    private static final Session SESSION = Session.getInstance(new Properties());

    private final Path dossier;

    public DossierCourriels(Path dossier) {
        this.dossier = dossier.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dossier);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create mail directory " + this.dossier, e);
        }
    }

    public Path chemin() {
        return dossier;
    }

    /** Writes {@code message} as a new {@code .eml} file and returns its path. */
    public Path ecrire(MimeMessage message, Instant recu) {
        String nom = HORODATAGE.format(recu) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                + ".eml";
        Path temporaire = dossier.resolve("." + nom + ".tmp");
        Path fichier = dossier.resolve(nom);
        try {
            try (OutputStream out = Files.newOutputStream(temporaire)) {
                message.writeTo(out);
            }
            try {
                Files.move(temporaire, fichier, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporaire, fichier);
            }
            return fichier;
        } catch (IOException | MessagingException e) {
            try {
                Files.deleteIfExists(temporaire);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Cannot write received mail to " + fichier, e);
        }
    }

    /** Every mail, newest first. */
    public List<CourrielRecu> lire() {
        return lire(null, Integer.MAX_VALUE);
    }

    /**
     * The newest {@code max} mails whose To or Cc holds {@code destinataire} (every mail when it is null), newest
     * first. Only the headers of the others are read.
     */
    public List<CourrielRecu> lire(String destinataire, int max) {
        List<CourrielRecu> trouves = new ArrayList<>();
        for (Path fichier : fichiersDuPlusRecent()) {
            if (trouves.size() >= max) {
                break;
            }
            try {
                if (destinataire != null && !entete(fichier).estPour(destinataire)) {
                    continue;
                }
                trouves.add(complet(fichier));
            } catch (IOException | MessagingException | RuntimeException illisible) {
                // A file a person dropped or damaged by hand must not hide the others.
                continue;
            }
        }
        return trouves;
    }

    /** The file named {@code nom}, if it is one of this directory's mails. */
    public Optional<Path> fichier(String nom) {
        if (nom == null || !NOM.matcher(nom).matches()) {
            return Optional.empty();
        }
        Path fichier = dossier.resolve(nom);
        return Files.isRegularFile(fichier) ? Optional.of(fichier) : Optional.empty();
    }

    private List<Path> fichiersDuPlusRecent() {
        try (Stream<Path> fichiers = Files.list(dossier)) {
            return fichiers.filter(f -> NOM.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list mail directory " + dossier, e);
        }
    }

    private static CourrielRecu entete(Path fichier) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(fichier)) {
            InternetHeaders entetes = new InternetHeaders(in);
            List<String> destinataires = new ArrayList<>();
            for (String nom : new String[] {"To", "Cc"}) {
                String valeur = entetes.getHeader(nom, ",");
                if (valeur != null) {
                    for (InternetAddress adresse : InternetAddress.parseHeader(valeur, false)) {
                        destinataires.add(adresse.getAddress());
                    }
                }
            }
            return new CourrielRecu(null, null, destinataires, null, null, fichier.getFileName().toString(), "",
                    List.of());
        }
    }

    private static CourrielRecu complet(Path fichier) throws IOException, MessagingException {
        try (InputStream in = Files.newInputStream(fichier)) {
            MimeMessage message = new MimeMessage(SESSION, in);
            Instant date = message.getSentDate() != null ? message.getSentDate().toInstant()
                    : Files.getLastModifiedTime(fichier).toInstant();
            Address[] de = message.getFrom();
            List<String> destinataires = new ArrayList<>();
            for (Message.RecipientType type : new Message.RecipientType[] {Message.RecipientType.TO,
                    Message.RecipientType.CC}) {
                Address[] adresses = message.getRecipients(type);
                if (adresses != null) {
                    for (Address adresse : adresses) {
                        destinataires.add(adresse instanceof InternetAddress internet ? internet.getAddress()
                                : adresse.toString());
                    }
                }
            }
            StringBuilder texte = new StringBuilder();
            List<String> piecesJointes = new ArrayList<>();
            parcourir(message, texte, piecesJointes);
            return new CourrielRecu(date,
                    de != null && de.length > 0 && de[0] instanceof InternetAddress a ? a.getAddress() : null,
                    destinataires, message.getSubject(), message.getMessageID(), fichier.getFileName().toString(),
                    texte.toString(), piecesJointes);
        }
    }

    /** Collects the first text/plain body that is not an attachment, and the attachments' names. */
    private static void parcourir(Part partie, StringBuilder texte, List<String> piecesJointes)
            throws IOException, MessagingException {
        String nom = partie.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(partie.getDisposition()) || nom != null) {
            piecesJointes.add(nom == null ? "" : MimeUtility.decodeText(nom));
            return;
        }
        if (partie.isMimeType("multipart/*")) {
            Multipart parties = (Multipart) partie.getContent();
            for (int i = 0; i < parties.getCount(); i++) {
                BodyPart enfant = parties.getBodyPart(i);
                parcourir(enfant, texte, piecesJointes);
            }
        } else if (partie.isMimeType("text/plain") && texte.isEmpty()) {
            Object contenu = partie.getContent();
            texte.append(contenu instanceof String s ? s : "");
        }
    }
}
