package fr.centraleachat.marche.programmation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.Nature;
import java.util.List;
import java.util.Objects;

/**
 * A procedure of the annual plan, as the acheteur planned it: what, for which family and members, for how much,
 * in which quarter; then the consultation that launched it, or why it was abandoned. Immutable: the plan replaces it
 * at each step.
 */
public record ProcedurePlanifiee(String id, String objet, FamilleAchat familleAchat, CodeCpv cpvPrincipal,
        Nature nature, Montant valeurEstimee, int trimestre, List<Siren> membres, StatutProcedurePlanifiee statut,
        String consultationId, String motifAbandon) {

    public static final int LONGUEUR_MAX_OBJET = 300;
    public static final int MEMBRES_MAX = 1_000;

    public ProcedurePlanifiee {
        Objects.requireNonNull(id, "id");
        if (objet == null || objet.isBlank()) {
            throw new ValeurInvalideException("objet", "L'objet de la procédure est obligatoire.");
        }
        objet = objet.strip();
        if (objet.length() > LONGUEUR_MAX_OBJET) {
            throw new ValeurInvalideException("objet", "L'objet ne doit pas dépasser " + LONGUEUR_MAX_OBJET
                    + " caractères.");
        }
        if (familleAchat == null) {
            throw new ValeurInvalideException("familleAchat", "La famille d'achat est obligatoire.");
        }
        if (nature == null) {
            throw new ValeurInvalideException("nature", "La nature est obligatoire (FOURNITURES, SERVICES, TRAVAUX).");
        }
        if (valeurEstimee == null) {
            throw new ValeurInvalideException("valeurEstimee", "La valeur estimée est obligatoire.");
        }
        if (trimestre < 1 || trimestre > 4) {
            throw new ValeurInvalideException("trimestre", "Le trimestre de lancement prévu est compris entre 1 et 4.");
        }
        membres = membres == null ? List.of() : List.copyOf(membres.stream().distinct().toList());
        if (membres.size() > MEMBRES_MAX) {
            throw new ValeurInvalideException("membres", "Une procédure concerne au plus " + MEMBRES_MAX + " membres.");
        }
        Objects.requireNonNull(statut, "statut");
    }

    /** Counted in the year's needs of its family unless abandoned. */
    public boolean compte() {
        return statut != StatutProcedurePlanifiee.ABANDONNEE;
    }

    ProcedurePlanifiee lancee(String consultation) {
        return new ProcedurePlanifiee(id, objet, familleAchat, cpvPrincipal, nature, valeurEstimee, trimestre, membres,
                StatutProcedurePlanifiee.LANCEE, consultation, null);
    }

    ProcedurePlanifiee abandonnee(String motif) {
        return new ProcedurePlanifiee(id, objet, familleAchat, cpvPrincipal, nature, valeurEstimee, trimestre, membres,
                StatutProcedurePlanifiee.ABANDONNEE, consultationId, motif);
    }

    /** The procedure with a member's accepted need: its value grows by the need's, the member joins. */
    ProcedurePlanifiee avecBesoin(Siren membre, Montant valeur) {
        List<Siren> avec = new java.util.ArrayList<>(membres);
        avec.add(membre);
        return new ProcedurePlanifiee(id, objet, familleAchat, cpvPrincipal, nature, valeurEstimee.plus(valeur),
                trimestre, avec, statut, consultationId, motifAbandon);
    }
}
