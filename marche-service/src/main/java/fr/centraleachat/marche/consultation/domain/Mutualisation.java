package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import java.util.List;
import java.util.Objects;

/**
 * Where a consultation mutualises needs: the recensement des besoins it was drafted from, and the groupement de
 * commandes it is launched for. Both optional; set at creation and never changed.
 *
 * @param recensementId null unless drafted from a closed recensement
 * @param groupement null unless launched for a groupement de commandes
 */
public record Mutualisation(String recensementId, GroupementAcheteur groupement) {

    public static final Mutualisation AUCUNE = new Mutualisation(null, null);

    /**
     * The groupement the consultation is launched for, as it was at launch: its coordonnateur is the buyer recorded
     * on the marché; its members at that time are the only possible beneficiaries (a member joining later does not
     * benefit from the consultation).
     */
    public record GroupementAcheteur(String id, Siren coordonnateur, String nomCoordonnateur,
            List<Siren> membresAuLancement) {

        public GroupementAcheteur {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(coordonnateur, "coordonnateur");
            membresAuLancement = List.copyOf(membresAuLancement);
        }
    }

    public static Mutualisation duRecensement(String recensementId) {
        return new Mutualisation(Objects.requireNonNull(recensementId, "recensementId"), null);
    }

    public static Mutualisation duGroupement(GroupementAcheteur groupement) {
        return new Mutualisation(null, Objects.requireNonNull(groupement, "groupement"));
    }

    /** @throws RegleMetierException when a beneficiary was not a member of the groupement at launch */
    void verifierBeneficiaires(Beneficiaires beneficiaires) {
        if (groupement == null) {
            return;
        }
        List<String> horsGroupement = beneficiaires.membres().stream()
                .filter(s -> !groupement.membresAuLancement().contains(s)).map(Siren::valeur).toList();
        if (!horsGroupement.isEmpty()) {
            throw new RegleMetierException("beneficiaires", "Les bénéficiaires d'une consultation lancée pour un "
                    + "groupement de commandes sont ses membres au lancement ; ne le sont pas : "
                    + String.join(", ", horsGroupement) + ".");
        }
    }
}
