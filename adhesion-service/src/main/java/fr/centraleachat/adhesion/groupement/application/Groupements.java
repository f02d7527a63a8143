package fr.centraleachat.adhesion.groupement.application;

import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.adhesion.groupement.domain.GroupementId;
import fr.centraleachat.adhesion.groupement.domain.StatutGroupement;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.List;
import java.util.Optional;

/** Where groupements are kept, each saved together with the events it publishes. */
public interface Groupements {

    Optional<Groupement> trouver(GroupementId id);

    /** One page, by objet then id; only those {@code membre} belongs to when given. */
    PageVue<Groupement> lister(Optional<Siren> membre, Optional<StatutGroupement> statut, PageDemandee page);

    void ajouter(Groupement groupement, List<MessageSortant> messages);

    /**
     * Saves the changes made since it was read; fails if someone saved it in between.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException then
     */
    Groupement mettreAJour(Groupement groupement, List<MessageSortant> messages);
}
