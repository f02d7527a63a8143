package fr.centraleachat.adhesion.adhesion.application;

import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionId;
import fr.centraleachat.adhesion.adhesion.domain.StatutAdhesion;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where adhésions are kept, each saved together with the events it publishes. */
public interface Adhesions {

    Optional<Adhesion> trouver(AdhesionId id);

    /** The member's adhésion that is not terminated, if any. */
    Optional<Adhesion> enCoursPour(Siren membre);

    /** One page of the adhésions, latest request first, then by id (a unique key, so pages are stable). */
    PageVue<Adhesion> lister(Optional<Siren> membre, Optional<StatutAdhesion> statut, PageDemandee page);

    /** Adhésions whose planned change takes effect on or before {@code aujourdhui}, at most {@code limite}. */
    List<AdhesionId> avecChangementEchu(LocalDate aujourdhui, int limite);

    /** The members whose adhésion is ACTIVE and covers this purchasing family. */
    List<Siren> membresActifsPour(FamilleAchat familleAchat);

    /** Inserts a new adhésion; returns false when the member already has one in progress. */
    boolean ajouter(Adhesion adhesion, List<MessageSortant> messages);

    /**
     * Saves the changes made since the adhésion was read; fails if someone saved it in between. Returns the
     * adhésion as stored, at its new version.
     */
    Adhesion mettreAJour(Adhesion adhesion, List<MessageSortant> messages);
}
