package fr.centraleachat.marche.question.application;

import fr.centraleachat.marche.question.domain.Question;

/**
 * A question as one caller may read it.
 *
 * @param deLAppelant asked by the calling supplier (its company)
 * @param auteurVisible the caller is staff: who asked, and the question as asked, may be shown
 */
public record QuestionLue(Question question, boolean deLAppelant, boolean auteurVisible) {
}
