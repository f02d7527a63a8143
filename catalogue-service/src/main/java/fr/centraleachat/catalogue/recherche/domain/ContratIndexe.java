package fr.centraleachat.catalogue.recherche.domain;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.kernel.FamilleAchat;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the search keeps of a contract: what its items are found by (objet, titulaire, famille d'achat, CPV), who
 * may see them (beneficiaries, titulaire) and its dates, from which its status is computed on the day of each
 * search.
 *
 * @param cpv the contract's CPV code, for the lines that give none; null when unknown
 * @param resilieLe the day its termination takes effect; null when not terminated
 */
public record ContratIndexe(String numero, String objet, String intituleLot, String titulaireSiret,
        String titulaireNom, List<String> beneficiaires, String cpv, FamilleAchat familleAchat, LocalDate dateDebut,
        LocalDate dateFin, LocalDate resilieLe) {

    public ContratIndexe {
        Objects.requireNonNull(numero, "numero");
        Objects.requireNonNull(titulaireSiret, "titulaireSiret");
        Objects.requireNonNull(dateDebut, "dateDebut");
        Objects.requireNonNull(dateFin, "dateFin");
        beneficiaires = List.copyOf(beneficiaires == null ? List.of() : beneficiaires);
    }

    /** The same rule as the contract's own: terminated, else before its start, after its end, or in force. */
    public StatutContrat statut(LocalDate jour) {
        if (resilieLe != null && !jour.isBefore(resilieLe)) {
            return StatutContrat.RESILIE;
        }
        if (jour.isBefore(dateDebut)) {
            return StatutContrat.A_VENIR;
        }
        return jour.isAfter(dateFin) ? StatutContrat.EXPIRE : StatutContrat.ACTIF;
    }

    /** The last day members may order on it: its end date, or the day before its termination. */
    public LocalDate dernierJour() {
        return resilieLe != null && resilieLe.isBefore(dateFin.plusDays(1)) ? resilieLe.minusDays(1) : dateFin;
    }

    /**
     * The day whose prices the search shows: today while the contract runs, its first day before it starts, its
     * last day once it ended.
     */
    public LocalDate jourDeReference(LocalDate aujourdhui) {
        LocalDate jour = aujourdhui.isAfter(dernierJour()) ? dernierJour() : aujourdhui;
        return jour.isBefore(dateDebut) ? dateDebut : jour;
    }
}
