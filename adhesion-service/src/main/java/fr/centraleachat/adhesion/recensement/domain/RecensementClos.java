package fr.centraleachat.adhesion.recensement.domain;

import java.time.Instant;

public record RecensementClos(RecensementId recensementId, Instant clotureLe, Consolidation consolidation)
        implements EvenementRecensement {
}
