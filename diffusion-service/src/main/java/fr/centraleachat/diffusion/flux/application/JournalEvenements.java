package fr.centraleachat.diffusion.flux.application;

import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import java.util.List;

/** The durable journal of integration events: append-only, each event once, at increasing positions. */
public interface JournalEvenements {

    /**
     * Appends the event at the next position, unless an event with its id is already there (a redelivery, or the
     * producer's relay sending again after a crash): then nothing changes.
     *
     * @return the event as journaled, or {@code null} when it already was
     */
    EvenementJournalise ajouter(EvenementAJournaliser evenement);

    /**
     * Appends the events not journaled yet, in the order given, at consecutive positions: one read and one write for
     * the whole batch in the usual case.
     *
     * @return the events newly journaled, in order
     */
    List<EvenementJournalise> ajouterTous(List<EvenementAJournaliser> evenements);

    /** The last position every reader may see: every event at or below it is written. */
    long tete();

    /** The events at positions in {@code (apres, jusqua]} that pass the filter, in order. */
    List<EvenementJournalise> entre(long apres, long jusqua, FiltreFlux filtre);
}
