package fr.centraleachat.contracts.adhesion;

import fr.centraleachat.contracts.Facultatif;
import java.time.LocalDate;
import java.util.List;

/**
 * A groupement de commandes as it stands after the change an event announces. Every groupement event carries it
 * whole, so that a consumer keeps the latest state by {@code sequence} without replaying the history.
 *
 * @param statut {@code EN_CONSTITUTION}, {@code CONSTITUE} or {@code DISSOUS}
 * @param missions of the coordonnateur: {@code PASSATION} or {@code PASSATION_ET_EXECUTION}
 * @param sequence grows by one with each change of the groupement: a consumer ignores a state older than its own
 */
public record GroupementV1(String groupementId, String objet, String coordonnateurSiren,
        @Facultatif String coordonnateurNom, String missions, String statut, List<MembreGroupementV1> membres,
        @Facultatif LocalDate dateConstitution, long sequence) {

    /**
     * One member of the groupement.
     *
     * @param typeMembre {@code METROPOLE}, {@code COMMUNE}, {@code CCAS}, {@code EPL}, {@code EPCI} or
     *                   {@code EPCI_PARTENAIRE}
     * @param numeroDeliberation the member's approval of the convention; null while it has not approved
     */
    public record MembreGroupementV1(String siren, @Facultatif String nom, @Facultatif String typeMembre,
            LocalDate ajouteLe, @Facultatif String numeroDeliberation, @Facultatif LocalDate dateDeliberation) {
    }
}
