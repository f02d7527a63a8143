package fr.centraleachat.marche.analyse.application;

import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;

/** The analyses of the lots, one document each, saved with their outbox messages in the same write. */
public interface Analyses {

    Optional<AnalyseLot> trouver(String consultationId, int lot);

    /** Inserts a new analysis or the next version of one ({@code OptimisticLockingFailureException} on a race). */
    void enregistrer(AnalyseLot analyse, List<MessageSortant> messages);
}
