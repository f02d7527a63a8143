package fr.centraleachat.marche.question.domain;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.time.Instant;

/** What happened to a consultation's questions, published once saved. */
public sealed interface EvenementQuestion {

    ConsultationId consultationId();

    /** A question was asked: who asked and what stay inside the service. */
    record QuestionPosee(ConsultationId consultationId, int numero, Instant date) implements EvenementQuestion {
    }

    /** An answer was published with its question (as published). */
    record ReponsePubliee(ConsultationId consultationId, int numero, String question, String reponse, Instant date)
            implements EvenementQuestion {
    }
}
