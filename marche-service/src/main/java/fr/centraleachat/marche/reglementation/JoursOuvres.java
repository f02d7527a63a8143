package fr.centraleachat.marche.reglementation;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * French working days: Monday to Friday except national public holidays (Jollyday calendar FRANCE, without the
 * Alsace-Moselle extras, which do not apply in Côte-d'Or). Thread-safe.
 */
public final class JoursOuvres {

    private final HolidayManager calendrier;
    // Jollyday recomputes a year's holidays on every query; deadlines are checked often, holidays change yearly.
    private final Map<Integer, Map<LocalDate, String>> feriesParAnnee = new ConcurrentHashMap<>();

    public JoursOuvres() {
        this(HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE)));
    }

    JoursOuvres(HolidayManager calendrier) {
        this.calendrier = calendrier;
    }

    public boolean estOuvre(LocalDate date) {
        return motifNonOuvre(date).isEmpty();
    }

    /** Why the date is not a working day, worded to follow "tombe" ("un dimanche", "un jour férié (Noël)"). */
    public Optional<String> motifNonOuvre(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return Optional.of("un samedi");
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("un dimanche");
        }
        return Optional.ofNullable(feries(date.getYear()).get(date)).map(nom -> "un jour férié (" + nom + ")");
    }

    /** The date itself when it is a working day, otherwise the next working day. */
    public LocalDate ouvreAPartirDu(LocalDate date) {
        LocalDate jour = date;
        while (!estOuvre(jour)) {
            jour = jour.plusDays(1);
        }
        return jour;
    }

    private Map<LocalDate, String> feries(int annee) {
        return feriesParAnnee.computeIfAbsent(annee, a -> calendrier.getHolidays(Year.of(a)).stream()
                .collect(Collectors.toUnmodifiableMap(Holiday::getDate, h -> h.getDescription(Locale.FRENCH),
                        (premier, second) -> premier)));
    }
}
