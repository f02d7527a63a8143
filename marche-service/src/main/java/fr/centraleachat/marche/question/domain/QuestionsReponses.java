package fr.centraleachat.marche.question.domain;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The questions suppliers ask on one consultation, with the acheteur's answers: one stored document per
 * consultation, so the bound on their number holds under concurrent questions. A question is received until the
 * consultation's question deadline; its answer is published to everyone, without anything naming who asked.
 */
public final class QuestionsReponses {

    public static final int QUESTIONS_MAX = 500;
    public static final int LONGUEUR_MAX_QUESTION = 4000;
    public static final int LONGUEUR_MAX_REPONSE = 20_000;
    /** Shown as the state of a consultation whose questions are closed. */
    public static final String QUESTIONS_CLOSES = "QUESTIONS_CLOSES";

    private final ConsultationId consultationId;
    private final List<Question> questions;
    private final long version;
    private final boolean nouveau;
    private final List<EvenementQuestion> evenements = new ArrayList<>();

    private QuestionsReponses(ConsultationId consultationId, List<Question> questions, long version, boolean nouveau) {
        this.consultationId = Objects.requireNonNull(consultationId, "consultationId");
        this.questions = new ArrayList<>(questions);
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).numero() != i + 1) {
                throw new IllegalArgumentException("Questions of " + consultationId + " out of order");
            }
        }
        this.version = version;
        this.nouveau = nouveau;
    }

    public static QuestionsReponses nouvelles(ConsultationId consultationId) {
        return new QuestionsReponses(consultationId, List.of(), 0, true);
    }

    public static QuestionsReponses reconstituer(ConsultationId consultationId, List<Question> questions,
            long version) {
        return new QuestionsReponses(consultationId, questions, version, false);
    }

    /**
     * Receives a question, strictly before {@code finDesQuestions}.
     *
     * @throws TransitionInterditeException from the deadline on (409)
     * @throws RegleMetierException past {@link #QUESTIONS_MAX}
     */
    public Question poser(String texte, Auteur auteur, Instant maintenant, Instant finDesQuestions) {
        if (!maintenant.isBefore(finDesQuestions)) {
            throw new TransitionInterditeException(QUESTIONS_CLOSES, "Les questions sur cette consultation ne sont plus"
                    + " reçues depuis le " + HeureDeParis.formater(finDesQuestions) + ".");
        }
        if (questions.size() >= QUESTIONS_MAX) {
            throw new RegleMetierException("texte", "Cette consultation a reçu le nombre maximal de questions ("
                    + QUESTIONS_MAX + ").");
        }
        Question question = new Question(questions.size() + 1, texte, maintenant, auteur, null);
        questions.add(question);
        evenements.add(new EvenementQuestion.QuestionPosee(consultationId, question.numero(), maintenant));
        return question;
    }

    /**
     * Answers a question once; the answer, with the question as published, is then public.
     *
     * @throws RessourceIntrouvableException for an unknown question
     * @throws TransitionInterditeException when it was already answered
     */
    public Question repondre(int numero, String texte, String questionReformulee, String acheteur, Instant maintenant) {
        Question question = question(numero);
        if (question.repondue()) {
            throw new TransitionInterditeException("REPONDUE", "La question n° " + numero + " a déjà reçu sa réponse,"
                    + " publiée le " + HeureDeParis.formater(question.reponse().date()) + ".");
        }
        Question repondue = question.avec(new Reponse(texte, questionReformulee, maintenant, acheteur));
        questions.set(numero - 1, repondue);
        evenements.add(new EvenementQuestion.ReponsePubliee(consultationId, numero, repondue.textePublie(),
                repondue.reponse().texte(), maintenant));
        return repondue;
    }

    public Question question(int numero) {
        if (numero < 1 || numero > questions.size()) {
            throw new RessourceIntrouvableException("La consultation n'a pas de question n° " + numero + ".");
        }
        return questions.get(numero - 1);
    }

    public List<Question> questions() {
        return List.copyOf(questions);
    }

    public List<EvenementQuestion> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public ConsultationId consultationId() {
        return consultationId;
    }

    public long version() {
        return version;
    }

    public boolean estNouveau() {
        return nouveau;
    }
}
