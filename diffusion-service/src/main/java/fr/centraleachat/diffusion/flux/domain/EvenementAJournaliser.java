package fr.centraleachat.diffusion.flux.domain;

import java.util.Objects;

/** An event received from the broker, not yet given its place in the journal. */
public record EvenementAJournaliser(String id, String type, String sujet, String cloudEvent) {

    public EvenementAJournaliser {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(cloudEvent);
    }

    public EvenementJournalise a(long position) {
        return new EvenementJournalise(position, id, type, sujet, cloudEvent);
    }
}
