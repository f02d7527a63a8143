package fr.centraleachat.marche.reglementation;

import fr.centraleachat.kernel.Montant;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The thresholds (euros HT) that apply to procedures launched on or after {@code dateEffet}, until the next
 * block of the grid. Each threshold is exclusive: a value equal to it falls in the upper procedure.
 */
public record SeuilsEnVigueur(
        LocalDate dateEffet,
        Montant dispenseFournituresServices,
        Montant dispenseTravaux,
        Montant europeenFournituresServices,
        Montant europeenTravaux,
        Montant publiciteMapa) {

    public SeuilsEnVigueur {
        Objects.requireNonNull(dateEffet, "dateEffet");
        Objects.requireNonNull(dispenseFournituresServices, "dispenseFournituresServices");
        Objects.requireNonNull(dispenseTravaux, "dispenseTravaux");
        Objects.requireNonNull(europeenFournituresServices, "europeenFournituresServices");
        Objects.requireNonNull(europeenTravaux, "europeenTravaux");
        Objects.requireNonNull(publiciteMapa, "publiciteMapa");
        // A grid where dispense reaches the EU threshold would leave no room for MAPA: a typo, not a policy.
        if (!dispenseFournituresServices.estInferieurA(europeenFournituresServices)
                || !dispenseTravaux.estInferieurA(europeenTravaux)) {
            throw new IllegalArgumentException("Dispense thresholds must be below EU thresholds (block " + dateEffet + ")");
        }
    }

    public Montant seuilDispense(Nature nature) {
        return nature == Nature.TRAVAUX ? dispenseTravaux : dispenseFournituresServices;
    }

    public Montant seuilEuropeen(Nature nature) {
        return nature == Nature.TRAVAUX ? europeenTravaux : europeenFournituresServices;
    }

    /** Dispense below the dispense threshold, MAPA below the EU threshold, open tender from it. */
    public Procedure procedurePour(Nature nature, Montant valeurEstimeeTotale) {
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(valeurEstimeeTotale, "valeurEstimeeTotale");
        if (valeurEstimeeTotale.estInferieurA(seuilDispense(nature))) {
            return Procedure.DISPENSE;
        }
        if (valeurEstimeeTotale.estInferieurA(seuilEuropeen(nature))) {
            return Procedure.MAPA;
        }
        return Procedure.APPEL_OFFRES_OUVERT;
    }

    /** A MAPA from this value on must be advertised in the BOAMP or a JAL, besides the profil d'acheteur. */
    public boolean publiciteBoampOuJalRequise(Nature nature, Montant valeurEstimeeTotale) {
        return procedurePour(nature, valeurEstimeeTotale) == Procedure.MAPA
                && !valeurEstimeeTotale.estInferieurA(publiciteMapa);
    }
}
