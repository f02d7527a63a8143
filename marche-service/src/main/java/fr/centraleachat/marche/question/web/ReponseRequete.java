package fr.centraleachat.marche.question.web;

import fr.centraleachat.marche.question.domain.QuestionsReponses;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ReponseRequete(
        @NotBlank(message = "La réponse est obligatoire.")
        @Size(max = QuestionsReponses.LONGUEUR_MAX_REPONSE, message = "La réponse ne doit pas dépasser 20000 caractères.")
        String texte,
        @Schema(description = "La question telle qu'elle sera publiée, si elle doit être reformulée (par exemple pour"
                + " ne pas laisser deviner qui l'a posée) ; absente : publiée telle que posée")
        @Size(max = QuestionsReponses.LONGUEUR_MAX_QUESTION,
                message = "La question reformulée ne doit pas dépasser 4000 caractères.")
        String questionReformulee) {
}
