package fr.centraleachat.marche.question.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.question.domain.QuestionsReponses;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;

/** Where the questions are kept: one document per consultation, its events in the same write. */
public interface Questions {

    Optional<QuestionsReponses> trouver(ConsultationId consultationId);

    /**
     * Stores new questions or the next version of them, with their outgoing events.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if saved by someone else meanwhile
     * @throws org.springframework.dao.DuplicateKeyException if another first question created them meanwhile
     */
    void enregistrer(QuestionsReponses questions, List<MessageSortant> messages);
}
