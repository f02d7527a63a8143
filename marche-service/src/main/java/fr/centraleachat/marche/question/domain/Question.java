package fr.centraleachat.marche.question.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A supplier's question on a consultation and, once given, its answer.
 *
 * @param numero its number on the consultation, from 1
 * @param texte as the supplier asked it
 * @param reponse null until the acheteur answers
 */
public record Question(int numero, String texte, Instant date, Auteur auteur, Reponse reponse) {

    public Question {
        if (numero < 1) {
            throw new IllegalArgumentException("Questions are numbered from 1");
        }
        texte = Textes.valide(texte, "texte", "La question", QuestionsReponses.LONGUEUR_MAX_QUESTION);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(auteur, "auteur");
    }

    public Optional<Reponse> laReponse() {
        return Optional.ofNullable(reponse);
    }

    public boolean repondue() {
        return reponse != null;
    }

    /** The question as everyone reads it: reworded by the acheteur if they did, otherwise as asked. */
    public String textePublie() {
        return reponse != null && reponse.questionReformulee() != null ? reponse.questionReformulee() : texte;
    }

    Question avec(Reponse nouvelle) {
        return new Question(numero, texte, date, auteur, nouvelle);
    }
}
