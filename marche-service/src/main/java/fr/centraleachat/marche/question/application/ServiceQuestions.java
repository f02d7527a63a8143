package fr.centraleachat.marche.question.application;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.QuestionPoseeV1;
import fr.centraleachat.contracts.marche.ReponsePublieeV1;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.question.domain.Auteur;
import fr.centraleachat.marche.question.domain.EvenementQuestion;
import fr.centraleachat.marche.question.domain.Question;
import fr.centraleachat.marche.question.domain.QuestionsReponses;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Questions and answers on a published consultation. Suppliers ask until the question deadline; the acheteur
 * answers; answers are public (no token needed) and never say who asked. A supplier also sees its own questions not
 * answered yet; the centrale's staff see everything, who asked included. Logs name numbers only.
 */
@Service
public class ServiceQuestions {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceQuestions.class);
    private static final int ESSAIS = 5;

    private final Consultations consultations;
    private final Questions questions;
    private final FabriqueMessages fabrique;
    private final Clock horloge;

    ServiceQuestions(Consultations consultations, Questions questions, FabriqueMessages fabrique, Clock horloge) {
        this.consultations = consultations;
        this.questions = questions;
        this.fabrique = fabrique;
        this.horloge = horloge;
    }

    /** A supplier asks a question on a published consultation, before its question deadline. */
    public QuestionLue poser(ConsultationId id, String texte, Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR);
        Siret siret = acteur.siret().orElseThrow(() -> new AccesRefuseException(
                "Votre compte fournisseur n'a pas de SIRET : impossible de poser une question."));
        Consultation consultation = visible(id, Optional.of(acteur));
        consultation.exigerPubliee("poser une question");
        Instant maintenant = maintenant();
        Question question = modifier(id, qr -> qr.poser(texte, new Auteur(acteur.sujet(), siret), maintenant,
                consultation.contenu().finDesQuestions()));
        LOG.info("Question {} asked on consultation {}", question.numero(), id);
        return new QuestionLue(question, true, false);
    }

    /** The acheteur answers a question while the consultation is published; the answer is public at once. */
    public QuestionLue repondre(ConsultationId id, int numero, String texte, String questionReformulee,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        Consultation consultation = consultations.trouver(id).map(FicheConsultation::consultation)
                .orElseThrow(() -> introuvable(id));
        Instant maintenant = maintenant();
        Question question = modifier(id, qr -> {
            qr.question(numero);
            consultation.exigerPubliee("répondre à une question");
            return qr.repondre(numero, texte, questionReformulee, acteur.sujet(), maintenant);
        });
        LOG.info("Answer to question {} of consultation {} published", numero, id);
        return new QuestionLue(question, false, true);
    }

    /** The questions the caller may read, by number. */
    public PageVue<QuestionLue> lister(ConsultationId id, PageDemandee page, Optional<Acteur> acteur) {
        visible(id, acteur);
        List<QuestionLue> lisibles = questions.trouver(id).map(QuestionsReponses::questions).orElse(List.of()).stream()
                .map(q -> lue(q, acteur)).flatMap(Optional::stream).toList();
        return PageVue.de(lisibles, page);
    }

    /** One question, if the caller may read it. */
    public QuestionLue consulter(ConsultationId id, int numero, Optional<Acteur> acteur) {
        visible(id, acteur);
        return questions.trouver(id).flatMap(qr -> qr.questions().stream().filter(q -> q.numero() == numero)
                        .findFirst())
                .flatMap(q -> lue(q, acteur))
                .orElseThrow(() -> new RessourceIntrouvableException("La consultation n'a pas de question n° " + numero
                        + " visible."));
    }

    private static Optional<QuestionLue> lue(Question question, Optional<Acteur> acteur) {
        if (acteur.filter(ServiceQuestions::personnel).isPresent()) {
            return Optional.of(new QuestionLue(question, false, true));
        }
        boolean sienne = acteur.filter(a -> a.a(Role.FOURNISSEUR)).flatMap(Acteur::siret)
                .filter(s -> s.equals(question.auteur().siret())).isPresent();
        return question.repondue() || sienne ? Optional.of(new QuestionLue(question, sienne, false)) : Optional.empty();
    }

    private <T> T modifier(ConsultationId id, Function<QuestionsReponses, T> changement) {
        for (int essai = 1; ; essai++) {
            QuestionsReponses qr = questions.trouver(id).orElseGet(() -> QuestionsReponses.nouvelles(id));
            T resultat = changement.apply(qr);
            try {
                questions.enregistrer(qr, qr.evenementsEnAttente().stream().map(this::message).toList());
                return resultat;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (essai == ESSAIS) {
                    throw concurrent;
                }
            }
        }
    }

    private MessageSortant message(EvenementQuestion evenement) {
        String sujet = evenement.consultationId().toString();
        if (evenement instanceof EvenementQuestion.QuestionPosee posee) {
            return fabrique.message(Evenements.QUESTION_POSEE, sujet,
                    new QuestionPoseeV1(sujet, posee.numero(), posee.date()));
        }
        EvenementQuestion.ReponsePubliee publiee = (EvenementQuestion.ReponsePubliee) evenement;
        return fabrique.message(Evenements.REPONSE_PUBLIEE, sujet,
                new ReponsePublieeV1(sujet, publiee.numero(), publiee.question(), publiee.reponse(), publiee.date()));
    }

    /** Staff see every consultation; anyone else (anonymous included) one that was published. */
    private Consultation visible(ConsultationId id, Optional<Acteur> acteur) {
        boolean personnel = acteur.filter(ServiceQuestions::personnel).isPresent();
        return consultations.trouver(id).map(FicheConsultation::consultation)
                .filter(c -> personnel || c.aEtePubliee())
                .orElseThrow(() -> introuvable(id));
    }

    private static boolean personnel(Acteur acteur) {
        return acteur.a(Role.ACHETEUR) || acteur.a(Role.ADMIN);
    }

    private Instant maintenant() {
        return horloge.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static RessourceIntrouvableException introuvable(ConsultationId id) {
        return new RessourceIntrouvableException("Aucune consultation n'a l'identifiant " + id + ".");
    }
}
