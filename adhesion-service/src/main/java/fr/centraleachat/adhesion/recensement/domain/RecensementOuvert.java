package fr.centraleachat.adhesion.recensement.domain;

import java.time.Instant;

public record RecensementOuvert(RecensementId recensementId, Instant ouvertLe) implements EvenementRecensement {
}
