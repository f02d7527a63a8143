package fr.centraleachat.catalogue.consultation.application;

import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the consultation projection is kept. */
public interface Consultations {

    Optional<Consultation> trouver(String id);

    /** @return false for a duplicate event (nothing written) */
    boolean enregistrer(Consultation consultation, String evenementId);

    /**
     * Open consultations whose deadline is after {@code maintenant}, earliest deadline first, optionally only
     * those a member benefits from or that cover a CPV division.
     */
    List<Consultation> ouvertes(Instant maintenant, Optional<Siren> beneficiaire, Optional<String> divisionCpv);
}
