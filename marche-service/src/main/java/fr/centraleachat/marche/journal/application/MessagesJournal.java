package fr.centraleachat.marche.journal.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Builds the outbox message that asks the journal to record an action: the caller saves it with the change it
 * records, in the same single-document write.
 */
@Component
public class MessagesJournal {

    private final FabriqueMessages fabrique;

    public MessagesJournal(FabriqueMessages fabrique) {
        this.fabrique = fabrique;
    }

    public MessageSortant message(ConsultationId consultationId, Auteur auteur, ActionJournal action, String resume) {
        Objects.requireNonNull(consultationId, "consultationId");
        Objects.requireNonNull(auteur, "auteur");
        Objects.requireNonNull(action, "action");
        // Checked here: a summary the journal would refuse must fail the change, not be lost on the way.
        EntreeJournal.exigerResume(resume);
        return fabrique.message(ActionEffectueeV1.TYPE, ActionEffectueeV1.TOPIC, ActionEffectueeV1.SOURCE,
                ActionEffectueeV1.SCHEMA, consultationId.toString(),
                new ActionEffectueeV1(action.name(), auteur.sujet(), auteur.roles(), resume));
    }
}
