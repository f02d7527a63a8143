package fr.centraleachat.marche.question.web;

import fr.centraleachat.marche.question.domain.QuestionsReponses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record QuestionRequete(
        @NotBlank(message = "La question est obligatoire.")
        @Size(max = QuestionsReponses.LONGUEUR_MAX_QUESTION, message = "La question ne doit pas dépasser 4000 caractères.")
        String texte) {
}
