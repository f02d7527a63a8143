package fr.centraleachat.marche.pli.application;

import fr.centraleachat.marche.pli.domain.Soumission;
import java.util.List;
import java.util.Optional;

/** The suppliers' plis, one {@link Soumission} per supplier and lot. */
public interface Soumissions {

    Optional<Soumission> trouver(String id);

    /** The soumission that holds the pli of this receipt number. */
    Optional<Soumission> parNumeroDePli(String numero);

    List<Soumission> deLaConsultation(String consultationId);

    /** Stores a new soumission or the next version of one ({@code OptimisticLockingFailureException} on a race). */
    void enregistrer(Soumission soumission, java.util.List<fr.centraleachat.support.outbox.MessageSortant> messages);
}
