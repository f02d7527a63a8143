package fr.centraleachat.marche.question.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuestionsReponsesTest {

    private static final Instant MAINTENANT = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant FIN_DES_QUESTIONS = Instant.parse("2027-01-05T11:00:00Z");
    private static final Auteur FOURNISSEUR = new Auteur("fournisseur", new Siret("73282932000074"));

    private final QuestionsReponses questions = QuestionsReponses.nouvelles(ConsultationId.nouveau());

    @Test
    void refusesAQuestionAfterTheClosingDate() {
        assertThatThrownBy(() -> questions.poser("Le lot 2 est-il reconductible ?", FOURNISSEUR, FIN_DES_QUESTIONS,
                FIN_DES_QUESTIONS))
                .isInstanceOfSatisfying(TransitionInterditeException.class,
                        e -> assertThat(e.etatActuel()).isEqualTo(QuestionsReponses.QUESTIONS_CLOSES))
                .hasMessageContaining("05/01/2027");
        assertThat(questions.questions()).isEmpty();
        assertThat(questions.evenementsEnAttente()).isEmpty();

        assertThat(questions.poser("Juste avant ?", FOURNISSEUR, FIN_DES_QUESTIONS.minusMillis(1), FIN_DES_QUESTIONS)
                .numero()).isEqualTo(1);
    }

    @Test
    void numbersTheQuestionsAndAnnouncesThemWithoutTheirAuthorOrText() {
        questions.poser("  Première ?  ", FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS);
        Question seconde = questions.poser("Seconde ?", FOURNISSEUR, MAINTENANT.plusSeconds(5), FIN_DES_QUESTIONS);

        assertThat(seconde.numero()).isEqualTo(2);
        assertThat(questions.question(1).texte()).isEqualTo("Première ?");
        assertThat(questions.evenementsEnAttente()).containsExactly(
                new EvenementQuestion.QuestionPosee(questions.consultationId(), 1, MAINTENANT),
                new EvenementQuestion.QuestionPosee(questions.consultationId(), 2, MAINTENANT.plusSeconds(5)));
    }

    @Test
    void publishesTheAnswerWithTheQuestionAsRewordedByTheAcheteur() {
        questions.poser("Chez Dupont SA nous livrons en 48 h : est-ce suffisant ?", FOURNISSEUR, MAINTENANT,
                FIN_DES_QUESTIONS);

        Question repondue = questions.repondre(1, "Oui, le CCTP demande 72 h au plus.",
                "Un délai de livraison de 48 h est-il suffisant ?", "acheteur", MAINTENANT.plusSeconds(60));

        assertThat(repondue.textePublie()).isEqualTo("Un délai de livraison de 48 h est-il suffisant ?");
        assertThat(repondue.texte()).contains("Dupont");
        assertThat(questions.evenementsEnAttente()).last().isEqualTo(new EvenementQuestion.ReponsePubliee(
                questions.consultationId(), 1, "Un délai de livraison de 48 h est-il suffisant ?",
                "Oui, le CCTP demande 72 h au plus.", MAINTENANT.plusSeconds(60)));
    }

    @Test
    void answersAQuestionOnceAndOnlyAQuestionThatExists() {
        questions.poser("Question ?", FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS);
        questions.repondre(1, "Réponse.", null, "acheteur", MAINTENANT);

        assertThat(questions.question(1).textePublie()).isEqualTo("Question ?");
        assertThatThrownBy(() -> questions.repondre(1, "Autre réponse.", null, "acheteur", MAINTENANT))
                .isInstanceOf(TransitionInterditeException.class);
        assertThatThrownBy(() -> questions.repondre(2, "Réponse.", null, "acheteur", MAINTENANT))
                .isInstanceOf(RessourceIntrouvableException.class);
    }

    @Test
    void boundsTheNumberOfQuestionsOfAConsultation() {
        for (int i = 0; i < QuestionsReponses.QUESTIONS_MAX; i++) {
            questions.poser("Question " + i, FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS);
        }

        assertThatThrownBy(() -> questions.poser("Une de trop", FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("500");
    }

    @Test
    void refusesABlankOrOverlongText() {
        assertThatThrownBy(() -> questions.poser("  ", FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> questions.poser("x".repeat(QuestionsReponses.LONGUEUR_MAX_QUESTION + 1), FOURNISSEUR,
                MAINTENANT, FIN_DES_QUESTIONS)).isInstanceOf(ValeurInvalideException.class);
        questions.poser("Question ?", FOURNISSEUR, MAINTENANT, FIN_DES_QUESTIONS);
        assertThatThrownBy(() -> questions.repondre(1, "", null, "acheteur", MAINTENANT))
                .isInstanceOf(ValeurInvalideException.class);
        assertThat(questions.question(1).repondue()).isFalse();
    }
}
