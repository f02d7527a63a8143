package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.List;

/** A member declared its needs, replacing its previous declaration. */
public record BesoinsDeclares(RecensementId recensementId, Siren membre, Instant declareLe, long revision,
        List<BesoinLot> lots) {
}
