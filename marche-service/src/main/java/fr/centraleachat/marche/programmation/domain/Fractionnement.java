package fr.centraleachat.marche.programmation.domain;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.marche.reglementation.SeuilsEnVigueur;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The risk of fractionnement (R2121-6 and R2121-7): the procedure follows the estimated value of all the homogeneous
 * needs of the year — here, the same famille d'achat — not of one consultation. A consultation whose own value sits
 * under a threshold while the year's cumulative value for its family crosses it is announced to the acheteur, with
 * the computation and the procedures counted. The thresholds are those in force on the consultation's launch date.
 * A warning, not a refusal: the acheteur may know why the needs are not homogeneous.
 */
public final class Fractionnement {

    /** A procedure of the same year and family counted in the cumulative value: planned, launched or published. */
    public record ProcedureComptee(String reference, String objet, Montant valeurEstimee) {

        public ProcedureComptee {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(valeurEstimee, "valeurEstimee");
        }
    }

    /** Which threshold the cumulative value crosses while the consultation's own value does not. */
    public enum SeuilFranchi {
        DISPENSE("seuil de dispense de procédure"),
        PUBLICITE_MAPA("seuil de publicité au BOAMP ou dans un JAL"),
        EUROPEEN("seuil européen");

        private final String libelle;

        SeuilFranchi(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }
    }

    /**
     * The warning: the threshold crossed, the consultation's own value and procedure, the cumulative value of the
     * homogeneous needs of the year — those of its famille d'achat, or else of its CPV group ({@code groupeCpv}, the
     * first three digits of the main CPV code) — and the procedure it calls for, and what was counted.
     */
    public record Alerte(FamilleAchat familleAchat, String groupeCpv, int annee, SeuilFranchi seuilFranchi,
            Montant seuil, LocalDate seuilsAu, Montant valeurPropre, Procedure procedurePropre, Montant cumul,
            Procedure procedureDuCumul, List<ProcedureComptee> comptees, String message) {
    }

    private Fractionnement() {
    }

    /**
     * @param autres the family's other procedures of the consultation's year (planned or launched, not abandoned),
     *               the consultation itself excluded
     */
    public static Optional<Alerte> verifier(FamilleAchat famille, Nature nature, Montant valeurPropre,
            LocalDate dateDeLancement, List<ProcedureComptee> autres, SeuilsEnVigueur seuils) {
        Objects.requireNonNull(famille, "famille");
        return verifier(famille, null, "de la famille « " + famille.libelle() + " »", nature, valeurPropre,
                dateDeLancement, autres, seuils);
    }

    /**
     * The same check over a CPV group: the needs whose main CPV code shares its first three digits, whatever their
     * famille d'achat.
     *
     * @param autres the group's other procedures of the year, the consultation itself excluded
     */
    public static Optional<Alerte> verifierGroupeCpv(String groupeCpv, Nature nature, Montant valeurPropre,
            LocalDate dateDeLancement, List<ProcedureComptee> autres, SeuilsEnVigueur seuils) {
        if (groupeCpv == null || !groupeCpv.matches("\\d{3}")) {
            throw new IllegalArgumentException("CPV group of three digits expected: " + groupeCpv);
        }
        return verifier(null, groupeCpv, "du groupe CPV " + groupeCpv, nature, valeurPropre, dateDeLancement, autres,
                seuils);
    }

    private static Optional<Alerte> verifier(FamilleAchat famille, String groupeCpv, String regroupement,
            Nature nature, Montant valeurPropre, LocalDate dateDeLancement, List<ProcedureComptee> autres,
            SeuilsEnVigueur seuils) {
        Objects.requireNonNull(valeurPropre, "valeurPropre");
        Objects.requireNonNull(dateDeLancement, "dateDeLancement");
        Montant cumul = valeurPropre;
        for (ProcedureComptee autre : autres) {
            cumul = cumul.plus(autre.valeurEstimee());
        }
        Procedure propre = seuils.procedurePour(nature, valeurPropre);
        Procedure duCumul = seuils.procedurePour(nature, cumul);
        SeuilFranchi franchi;
        Montant seuil;
        if (duCumul == Procedure.APPEL_OFFRES_OUVERT && propre != Procedure.APPEL_OFFRES_OUVERT) {
            franchi = SeuilFranchi.EUROPEEN;
            seuil = seuils.seuilEuropeen(nature);
        } else if (duCumul == Procedure.MAPA && propre == Procedure.DISPENSE) {
            franchi = SeuilFranchi.DISPENSE;
            seuil = seuils.seuilDispense(nature);
        } else if (seuils.publiciteBoampOuJalRequise(nature, cumul)
                && !seuils.publiciteBoampOuJalRequise(nature, valeurPropre)) {
            franchi = SeuilFranchi.PUBLICITE_MAPA;
            seuil = seuils.publiciteMapa();
        } else {
            return Optional.empty();
        }
        int annee = dateDeLancement.getYear();
        String message = "Risque de fractionnement : la valeur estimée de cette consultation (" + valeurPropre
                + ") est sous le " + franchi.libelle() + " (" + seuil + " au " + HeureDeParis.formater(seuils.dateEffet())
                + "), mais les besoins " + regroupement + " pour " + annee + " totalisent "
                + cumul + " avec " + autres.size() + " autre(s) procédure(s) : " + propre.libelle() + " pour la seule "
                + "consultation, " + duCumul.libelle() + " pour l'ensemble (articles R2121-6 et R2121-7).";
        return Optional.of(new Alerte(famille, groupeCpv, annee, franchi, seuil, seuils.dateEffet(), valeurPropre,
                propre, cumul, duCumul, List.copyOf(autres), message));
    }
}
