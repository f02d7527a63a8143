package fr.centraleachat.catalogue.consultation.application;

import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.util.Optional;

/** Where the consultation projection is kept. */
public interface Consultations {

    Optional<Consultation> trouver(String id);

    /** @return false for a duplicate event (nothing written) */
    boolean enregistrer(Consultation consultation, String evenementId);

    /**
     * One page of the open consultations whose deadline is after {@code maintenant}, earliest deadline first then
     * by id (unique, so pages are stable), optionally only those a member benefits from or that cover a CPV
     * division.
     */
    PageVue<Consultation> ouvertes(Instant maintenant, Optional<Siren> beneficiaire, Optional<String> divisionCpv,
            PageDemandee page);
}
