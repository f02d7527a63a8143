package fr.centraleachat.marche.reglementation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Regulatory dates are French legal dates: every instant is read in Europe/Paris. */
public final class HeureDeParis {

    public static final ZoneId FUSEAU = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_ET_HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private HeureDeParis() {
    }

    public static LocalDate date(Instant instant) {
        return instant.atZone(FUSEAU).toLocalDate();
    }

    /** {@code 12/01/2027}, as shown to users. */
    public static String formater(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code 12/01/2027 à 12h00}, Paris time. */
    public static String formater(Instant instant) {
        return DATE_ET_HEURE.format(instant.atZone(FUSEAU));
    }
}
