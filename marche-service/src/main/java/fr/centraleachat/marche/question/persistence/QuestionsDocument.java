package fr.centraleachat.marche.question.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored form of a consultation's questions (id = the consultation's id). The {@code outbox} field of the same
 * document belongs to the relay and is deliberately not mapped.
 */
@Document(QuestionsDocument.COLLECTION)
public record QuestionsDocument(@Id String id, List<QuestionDocument> questions, long version) {

    public static final String COLLECTION = "questions";

    public record QuestionDocument(int numero, String texte, Instant date, String sujet, String siret,
            ReponseDocument reponse) {
    }

    public record ReponseDocument(String texte, String questionReformulee, Instant date, String acheteur) {
    }
}
