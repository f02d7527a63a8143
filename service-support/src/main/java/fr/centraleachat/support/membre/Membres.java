package fr.centraleachat.support.membre;

import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.Siren;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where a service's projection of the member bodies and their adhésion is kept. */
public interface Membres {

    Optional<Membre> trouver(Siren siren);

    /**
     * Saves the member's new state together with the id of the event that produced it, unless that event was
     * already applied or the stored member no longer has the {@code miseAJourLue} it was read with.
     */
    Enregistrement enregistrer(Membre membre, Optional<Instant> miseAJourLue, String evenementId);

    enum Enregistrement {
        ENREGISTRE,
        DEJA_APPLIQUE,
        /** Another event changed the member since it was read: read again, decide again. */
        MODIFIE_ENTRE_TEMPS
    }

    /** Members whose adhésion is active, in no particular order. */
    List<Membre> actifs();

    /** The members the projection knows among these SIRENs. */
    List<Membre> parmi(Collection<Siren> sirens);
}
