package fr.centraleachat.diffusion.flux.application;

import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Journals the events received from the broker and tells the local deliverers that the journal grew. */
@Service
public class Journalisation {

    private final JournalEvenements journal;
    private final List<Consumer<EvenementJournalise>> abonnes = new CopyOnWriteArrayList<>();

    public Journalisation(JournalEvenements journal) {
        this.journal = journal;
    }

    /** Journals a batch received from the broker, each event once, in the order given; a redelivered event changes
     * nothing and wakes nobody. */
    public void journaliserTous(List<EvenementAJournaliser> evenements) {
        for (EvenementJournalise journalise : journal.ajouterTous(evenements)) {
            abonnes.forEach(abonne -> abonne.accept(journalise));
        }
    }

    /** Called after each newly journaled event, on the journaling thread: must return at once. */
    public void abonner(Consumer<EvenementJournalise> abonne) {
        abonnes.add(abonne);
    }
}
