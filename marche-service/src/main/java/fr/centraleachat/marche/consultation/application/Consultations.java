package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.support.outbox.MessageSortant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where consultations are kept. Every write stores the state and its outgoing events together. */
public interface Consultations {

    Optional<FicheConsultation> trouver(ConsultationId id);

    /** Consultations in one of these states, latest DLRO first. */
    List<FicheConsultation> lister(Set<StatutConsultation> statuts);

    /** Published consultations whose DLRO is before {@code maintenant}, at most {@code limite}. */
    List<ConsultationId> publieesEchues(Instant maintenant, int limite);

    /** Stores a new consultation (version 0). */
    void ajouter(Consultation consultation, List<MessageSortant> messages);

    /**
     * Stores the consultation over the version it was read at.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it was saved by someone else meanwhile
     */
    void mettreAJour(Consultation consultation, List<String> avertissements, List<MessageSortant> messages);
}
