package fr.centraleachat.diffusion.flux.domain;

import java.util.List;

/**
 * One read of the feed: the events after the cursor that pass the filter, in journal order, and where to go on
 * from. {@code aJour} says the reader has reached the end of the journal as it was at the read.
 */
public record PageFlux(List<EvenementJournalise> evenements, Curseur suivant, boolean aJour) {

    public PageFlux {
        evenements = List.copyOf(evenements);
    }
}
