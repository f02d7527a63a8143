package fr.centraleachat.marche.reglementation;

import fr.centraleachat.kernel.RegleMetierException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Minimum time between publication and the date limite de remise des offres (DLRO).
 *
 * <p><b>Counting.</b> The deadline is the number of calendar days between the publication date and the DLRO
 * date, both read in Europe/Paris: {@code ChronoUnit.DAYS.between(date(publication), date(dlro))}. The hour is
 * ignored, so a notice sent on 13/12/2026 at any time and a DLRO on 12/01/2027 at any time make 30 days. The
 * DLRO must also be strictly after the publication instant and fall on a French working day.
 *
 * <p><b>Minimums.</b> Open tender: 35 days, brought down to 30 because offers are always received
 * electronically here; 15 days after a prior information notice or in justified urgency. MAPA: no legal
 * minimum, but a warning under 15 days, which a judge could find unreasonable. Dispense: none.
 */
public final class DelaisReglementaires {

    public static final int DELAI_MINIMAL_APPEL_OFFRES_OUVERT = 35;
    public static final int DELAI_MINIMAL_APPEL_OFFRES_OUVERT_ELECTRONIQUE = 30;
    public static final int DELAI_MINIMAL_REDUIT = 15;
    public static final int DELAI_RAISONNABLE_MAPA = 15;

    private final JoursOuvres joursOuvres;

    public DelaisReglementaires() {
        this(new JoursOuvres());
    }

    public DelaisReglementaires(JoursOuvres joursOuvres) {
        this.joursOuvres = Objects.requireNonNull(joursOuvres, "joursOuvres");
    }

    /** Legal minimum in calendar days; 0 when the procedure has none. */
    public int delaiMinimalEnJours(Procedure procedure, DelaiReduit delaiReduit) {
        return switch (procedure) {
            case APPEL_OFFRES_OUVERT -> delaiReduit == DelaiReduit.NONE
                    ? DELAI_MINIMAL_APPEL_OFFRES_OUVERT_ELECTRONIQUE
                    : DELAI_MINIMAL_REDUIT;
            case MAPA, DISPENSE -> 0;
        };
    }

    /** Earliest DLRO date that satisfies the minimum, moved forward to the next working day if needed. */
    public LocalDate premiereDlroPossible(Procedure procedure, Instant publication, DelaiReduit delaiReduit) {
        LocalDate auPlusTot = HeureDeParis.date(publication).plusDays(delaiMinimalEnJours(procedure, delaiReduit));
        return joursOuvres.ouvreAPartirDu(auPlusTot);
    }

    /**
     * Checks a DLRO against the rules above.
     *
     * @throws RegleMetierException on field {@code dlro} when the DLRO is not after publication, is under the
     *                              legal minimum (the message gives the earliest acceptable date) or is not a
     *                              working day
     */
    public ControleDlro verifier(Procedure procedure, Instant publication, Instant dlro, DelaiReduit delaiReduit) {
        return verifier(procedure, publication, dlro, delaiReduit, "dlro", "la publication");
    }

    /**
     * Checks the DLRO in force after a substantial rectificatif: the legal minimum counts again from the
     * rectificatif, exactly as from a publication (same counting, same working-day rule).
     *
     * @throws RegleMetierException on field {@code champ} when it is not after the rectificatif, leaves less than the
     *                              legal minimum (the message gives the earliest lawful date) or is not a working day
     */
    public ControleDlro verifierApresRectificatif(Procedure procedure, Instant rectificatif, Instant dlro,
            DelaiReduit delaiReduit, String champ) {
        return verifier(procedure, rectificatif, dlro, delaiReduit, champ, "le rectificatif");
    }

    /**
     * Checks that a DLRO falls on a working day.
     *
     * @throws RegleMetierException on field {@code champ} otherwise
     */
    public void verifierJourOuvre(Instant dlro, String champ) {
        LocalDate dateDlro = HeureDeParis.date(dlro);
        joursOuvres.motifNonOuvre(dateDlro).ifPresent(motif -> {
            throw new RegleMetierException(champ, "La date limite de remise des offres (" + HeureDeParis.formater(dateDlro)
                    + ") tombe " + motif + " : elle doit être fixée un jour ouvré, par exemple le "
                    + HeureDeParis.formater(joursOuvres.ouvreAPartirDu(dateDlro)) + ".");
        });
    }

    private ControleDlro verifier(Procedure procedure, Instant depart, Instant dlro, DelaiReduit delaiReduit,
            String champ, String libelleDepart) {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(depart, "depart");
        Objects.requireNonNull(dlro, "dlro");
        Objects.requireNonNull(delaiReduit, "delaiReduit");
        if (!dlro.isAfter(depart)) {
            throw new RegleMetierException(champ, "La date limite de remise des offres (" + HeureDeParis.formater(dlro)
                    + ") doit être postérieure à " + libelleDepart + " (" + HeureDeParis.formater(depart) + ").");
        }
        LocalDate dateDepart = HeureDeParis.date(depart);
        LocalDate dateDlro = HeureDeParis.date(dlro);
        int delai = (int) ChronoUnit.DAYS.between(dateDepart, dateDlro);
        int minimum = delaiMinimalEnJours(procedure, delaiReduit);
        if (delai < minimum) {
            throw new RegleMetierException(champ, "La date limite de remise des offres (" + HeureDeParis.formater(dateDlro)
                    + ") ne laisse que " + jours(delai) + " après " + libelleDepart + " du "
                    + HeureDeParis.formater(dateDepart) + ", en deçà du minimum légal de " + minimum + " jours "
                    + fondement(delaiReduit) + " : elle doit être fixée au plus tôt le "
                    + HeureDeParis.formater(premiereDlroPossible(procedure, depart, delaiReduit)) + ".");
        }
        verifierJourOuvre(dlro, champ);
        List<String> avertissements = procedure == Procedure.MAPA && delai < DELAI_RAISONNABLE_MAPA
                ? List.of("Le délai de remise des offres n'est que de " + jours(delai) + " : pour une procédure adaptée,"
                        + " un délai inférieur à " + DELAI_RAISONNABLE_MAPA + " jours risque de ne pas être jugé raisonnable.")
                : List.of();
        return new ControleDlro(delai, minimum, avertissements);
    }

    private static String fondement(DelaiReduit delaiReduit) {
        return switch (delaiReduit) {
            case NONE -> "pour un appel d'offres ouvert (" + DELAI_MINIMAL_APPEL_OFFRES_OUVERT + " jours, ramenés à "
                    + DELAI_MINIMAL_APPEL_OFFRES_OUVERT_ELECTRONIQUE + " jours pour une remise électronique des offres)";
            case AVIS_PREALABLE -> "pour un appel d'offres ouvert précédé d'un avis de préinformation";
            case URGENCE -> "pour un appel d'offres ouvert en situation d'urgence";
        };
    }

    private static String jours(int nombre) {
        return nombre + (nombre > 1 ? " jours" : " jour");
    }
}
