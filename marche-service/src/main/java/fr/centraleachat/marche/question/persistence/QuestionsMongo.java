package fr.centraleachat.marche.question.persistence;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.question.application.Questions;
import fr.centraleachat.marche.question.domain.Auteur;
import fr.centraleachat.marche.question.domain.Question;
import fr.centraleachat.marche.question.domain.QuestionsReponses;
import fr.centraleachat.marche.question.domain.Reponse;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Reads with the template, writes through the outbox writer (questions and their events in one document write). */
@Repository
class QuestionsMongo implements Questions {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    QuestionsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<QuestionsReponses> trouver(ConsultationId consultationId) {
        return Optional.ofNullable(mongo.findById(consultationId.toString(), QuestionsDocument.class))
                .map(QuestionsMongo::lire);
    }

    @Override
    public void enregistrer(QuestionsReponses questions, List<MessageSortant> messages) {
        QuestionsDocument document = ecrire(questions);
        if (questions.estNouveau()) {
            enregistreur.inserer(document, messages);
        } else {
            enregistreur.mettreAJour(document, questions.version(), messages);
        }
    }

    private static QuestionsDocument ecrire(QuestionsReponses qr) {
        return new QuestionsDocument(qr.consultationId().toString(), qr.questions().stream()
                .map(q -> new QuestionsDocument.QuestionDocument(q.numero(), q.texte(), q.date(), q.auteur().sujet(),
                        q.auteur().siret().valeur(), q.laReponse().map(r -> new QuestionsDocument.ReponseDocument(
                                r.texte(), r.questionReformulee(), r.date(), r.acheteur())).orElse(null)))
                .toList(), qr.version());
    }

    private static QuestionsReponses lire(QuestionsDocument d) {
        return QuestionsReponses.reconstituer(ConsultationId.de(d.id()), d.questions().stream()
                .map(q -> new Question(q.numero(), q.texte(), q.date(), new Auteur(q.sujet(), new Siret(q.siret())),
                        q.reponse() == null ? null : new Reponse(q.reponse().texte(), q.reponse().questionReformulee(),
                                q.reponse().date(), q.reponse().acheteur())))
                .toList(), d.version());
    }
}
