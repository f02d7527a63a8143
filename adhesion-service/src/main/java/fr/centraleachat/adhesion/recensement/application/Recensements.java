package fr.centraleachat.adhesion.recensement.application;

import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.adhesion.recensement.domain.RecensementId;
import fr.centraleachat.adhesion.recensement.domain.StatutRecensement;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where recensements are kept, each saved together with the events it publishes. */
public interface Recensements {

    Optional<Recensement> trouver(RecensementId id);

    /** One page, latest opened first then by id; only those {@code invite} is invited to when given. */
    PageVue<Recensement> lister(Optional<Siren> invite, Optional<StatutRecensement> statut, PageDemandee page);

    /** Open recensements whose closing date is at or before {@code maintenant}, at most {@code limite}. */
    List<RecensementId> echus(Instant maintenant, int limite);

    void ajouter(Recensement recensement, List<MessageSortant> messages);

    /**
     * Saves the changes made since it was read; fails if someone saved it in between.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException then
     */
    Recensement mettreAJour(Recensement recensement, List<MessageSortant> messages);
}
