package fr.centraleachat.support.json;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates a service accepts: explicit ISO-8601, with an offset for instants (a local date-time is ambiguous), and a
 * year within {@link #ANNEE_MIN}..{@link #ANNEE_MAX}. Instants are rendered in Europe/Paris with their offset, the
 * legal time of every deadline, by every service alike.
 */
public final class DatesBornees {

    public static final int ANNEE_MIN = 1900;
    public static final int ANNEE_MAX = 2199;
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Longer than any valid ISO value: refused before the parser sees it. */
    private static final int LONGUEUR_MAX = 40;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withResolverStyle(ResolverStyle.STRICT);

    private DatesBornees() {
    }

    public static LocalDate date(String champ, String texte) {
        verifierLongueur(champ, texte, "une date au format AAAA-MM-JJ (ex. 2027-01-15)");
        try {
            return bornee(champ, LocalDate.parse(texte.strip(), DATE));
        } catch (DateTimeParseException e) {
            throw new ValeurInvalideException(champ, "Date invalide « " + texte + " » : attendu une date au format "
                    + "AAAA-MM-JJ (ex. 2027-01-15).");
        }
    }

    public static OffsetDateTime dateHeure(String champ, String texte) {
        verifierLongueur(champ, texte, "une date et heure avec décalage horaire (ex. 2027-01-15T12:00:00+01:00)");
        try {
            OffsetDateTime valeur = OffsetDateTime.parse(texte.strip(), INSTANT);
            bornee(champ, valeur.toLocalDate());
            return valeur;
        } catch (DateTimeParseException e) {
            throw new ValeurInvalideException(champ, "Date et heure invalide « " + texte + " » : attendu une date et "
                    + "heure avec décalage horaire (ex. 2027-01-15T12:00:00+01:00 ou 2027-01-15T11:00:00Z).");
        }
    }

    public static Instant instant(String champ, String texte) {
        return dateHeure(champ, texte).toInstant();
    }

    public static LocalDate bornee(String champ, LocalDate date) {
        if (date.getYear() < ANNEE_MIN || date.getYear() > ANNEE_MAX) {
            throw new ValeurInvalideException(champ, "Date hors de la plage acceptée (années " + ANNEE_MIN + " à "
                    + ANNEE_MAX + ") : " + date + ".");
        }
        return date;
    }

    public static OffsetDateTime aParis(Instant instant) {
        return instant.atZone(PARIS).toOffsetDateTime();
    }

    /** The written form: Paris time, seconds always shown, e.g. {@code 2027-01-15T12:00:00+01:00}. */
    public static String ecrire(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(aParis(instant));
    }

    private static void verifierLongueur(String champ, String texte, String attendu) {
        if (texte == null || texte.length() > LONGUEUR_MAX) {
            throw new ValeurInvalideException(champ, "Valeur invalide : attendu " + attendu + ".");
        }
    }
}
