package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.List;

/** The invited members without an answer were reminded. */
public record RecensementRelance(RecensementId recensementId, List<Siren> membresSansReponse, Instant relanceLe)
        implements EvenementRecensement {
}
