package fr.centraleachat.marche.question.web;

import fr.centraleachat.marche.question.application.QuestionLue;
import fr.centraleachat.marche.question.domain.Question;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A question as the API shows it. Who asked appears only to acheteurs and administrators; a supplier is told which
 * questions are its own.
 */
public record QuestionVue(
        int numero,
        @Schema(description = "La question telle que publiée (éventuellement reformulée par l'acheteur)")
        String question,
        OffsetDateTime date,
        @Schema(description = "Absente tant que l'acheteur n'a pas répondu") String reponse,
        OffsetDateTime dateReponse,
        @Schema(description = "Pour un fournisseur : la question est la sienne ; absent pour les autres lecteurs")
        Boolean maQuestion,
        @Schema(description = "Acheteurs et administrateurs seulement : qui a posé la question") AuteurVue auteur,
        @Schema(description = "Acheteurs et administrateurs seulement : la question telle que posée, si elle a été"
                + " reformulée") String questionInitiale) {

    public record AuteurVue(String sujet, String siret) {
    }

    static QuestionVue de(QuestionLue lue, boolean lecteurFournisseur) {
        Question q = lue.question();
        boolean reformulee = !q.textePublie().equals(q.texte());
        return new QuestionVue(q.numero(), q.textePublie(), paris(q.date()),
                q.laReponse().map(r -> r.texte()).orElse(null),
                q.laReponse().map(r -> paris(r.date())).orElse(null),
                lecteurFournisseur ? lue.deLAppelant() : null,
                lue.auteurVisible() ? new AuteurVue(q.auteur().sujet(), q.auteur().siret().valeur()) : null,
                lue.auteurVisible() && reformulee ? q.texte() : null);
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant.atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }
}
