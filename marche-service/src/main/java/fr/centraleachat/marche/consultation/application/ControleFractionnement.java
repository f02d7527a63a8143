package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.programmation.domain.Fractionnement;
import java.time.Instant;
import java.util.Optional;

/** The fractionnement check (R2121-6/7) a publication runs, against the annual plan and the year's consultations. */
public interface ControleFractionnement {

    /** The warning for this consultation launched at {@code lancement}, if the year's needs of its family call for it. */
    Optional<Fractionnement.Alerte> alerte(Consultation consultation, Instant lancement);
}
