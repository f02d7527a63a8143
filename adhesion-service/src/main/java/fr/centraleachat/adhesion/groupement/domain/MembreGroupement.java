package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.kernel.Siren;
import java.time.LocalDate;

/**
 * A member of the groupement.
 *
 * @param approbation null while its council has not approved the convention
 */
public record MembreGroupement(Siren siren, LocalDate ajouteLe, Approbation approbation) {

    public boolean aApprouve() {
        return approbation != null;
    }
}
