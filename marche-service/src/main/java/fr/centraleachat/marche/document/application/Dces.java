package fr.centraleachat.marche.document.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.document.domain.Dce;
import java.util.Optional;

/** Where the DCE are kept: one stored document per consultation. */
public interface Dces {

    Optional<Dce> trouver(ConsultationId consultationId);

    /**
     * Stores a new DCE or the next version of one.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it was saved by someone else meanwhile
     * @throws org.springframework.dao.DuplicateKeyException if another first upload created it meanwhile
     */
    void enregistrer(Dce dce);

    /** Removes a consultation's DCE document (its files are deleted by the caller). */
    void supprimer(ConsultationId consultationId);
}
