package fr.centraleachat.marche.analyse.application;

import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;

/** The analyses of the lots, one document each, saved with their outbox messages in the same write. */
public interface Analyses {

    Optional<AnalyseLot> trouver(String consultationId, int lot);

    /** The analyses of a consultation's lots that were started, by lot number (at most {@code limite}). */
    List<AnalyseLot> deLaConsultation(String consultationId, int limite);

    /**
     * The notified lots whose marché was notified, or had an avenant dated, between {@code du} and {@code au}
     * (Paris dates, both included), by marché number, at most {@code limite}.
     */
    List<AnalyseLot> notifieesOuModifiees(java.time.LocalDate du, java.time.LocalDate au, int limite);

    /** The notified lots, by marché number, at most {@code limite}. */
    List<AnalyseLot> notifiees(int limite);

    /** Inserts a new analysis or the next version of one ({@code OptimisticLockingFailureException} on a race). */
    void enregistrer(AnalyseLot analyse, List<MessageSortant> messages);
}
