package fr.centraleachat.marche.question.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The acheteur's answer, public once given.
 *
 * @param questionReformulee the question as published, when the acheteur reworded it (for instance to remove what
 *     named its author); null to publish it as asked
 * @param acheteur subject of the acheteur who answered
 */
public record Reponse(String texte, String questionReformulee, Instant date, String acheteur) {

    public Reponse {
        texte = Textes.valide(texte, "texte", "La réponse", QuestionsReponses.LONGUEUR_MAX_REPONSE);
        questionReformulee = questionReformulee == null || questionReformulee.isBlank() ? null
                : Textes.valide(questionReformulee, "questionReformulee", "La question reformulée",
                        QuestionsReponses.LONGUEUR_MAX_QUESTION);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(acheteur, "acheteur");
    }
}
