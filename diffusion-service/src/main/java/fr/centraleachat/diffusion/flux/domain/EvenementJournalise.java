package fr.centraleachat.diffusion.flux.domain;

import java.util.Objects;

/**
 * An integration event as the journal keeps it: its position, the envelope attributes the feed filters on, and the
 * event itself in CloudEvents JSON (structured mode), served as it was written.
 */
public record EvenementJournalise(long position, String id, String type, String sujet, String cloudEvent) {

    public EvenementJournalise {
        if (position < 1) {
            throw new IllegalArgumentException("positions start at 1");
        }
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(cloudEvent);
    }
}
