package fr.centraleachat.marche.programmation.domain;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.Objects;

/**
 * A need a member's agent proposes for next year's plan; the acheteur accepts it into a planned procedure (its value
 * and the member join the procedure) or refuses it with a reason.
 */
public record BesoinPropose(String id, Siren membre, String objet, FamilleAchat familleAchat, Montant valeurEstimee,
        String commentaire, Statut statut, String procedureId, String motifRefus) {

    public enum Statut { PROPOSE, ACCEPTE, REFUSE }

    public static final int LONGUEUR_MAX_COMMENTAIRE = 2_000;

    public BesoinPropose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(membre, "membre");
        if (objet == null || objet.isBlank()) {
            throw new ValeurInvalideException("objet", "Décrivez le besoin.");
        }
        objet = objet.strip();
        if (objet.length() > ProcedurePlanifiee.LONGUEUR_MAX_OBJET) {
            throw new ValeurInvalideException("objet", "L'objet ne doit pas dépasser "
                    + ProcedurePlanifiee.LONGUEUR_MAX_OBJET + " caractères.");
        }
        if (familleAchat == null) {
            throw new ValeurInvalideException("familleAchat", "La famille d'achat est obligatoire.");
        }
        if (valeurEstimee == null) {
            throw new ValeurInvalideException("valeurEstimee", "Le montant estimé est obligatoire.");
        }
        if (commentaire != null && commentaire.length() > LONGUEUR_MAX_COMMENTAIRE) {
            throw new ValeurInvalideException("commentaire", "Le commentaire ne doit pas dépasser "
                    + LONGUEUR_MAX_COMMENTAIRE + " caractères.");
        }
        Objects.requireNonNull(statut, "statut");
    }

    BesoinPropose accepte(String procedure) {
        return new BesoinPropose(id, membre, objet, familleAchat, valeurEstimee, commentaire, Statut.ACCEPTE, procedure,
                null);
    }

    BesoinPropose refuse(String motif) {
        return new BesoinPropose(id, membre, objet, familleAchat, valeurEstimee, commentaire, Statut.REFUSE, null, motif);
    }
}
