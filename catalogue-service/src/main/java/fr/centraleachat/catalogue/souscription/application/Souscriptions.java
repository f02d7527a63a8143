package fr.centraleachat.catalogue.souscription.application;

import fr.centraleachat.catalogue.souscription.domain.Souscription;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.List;
import java.util.Optional;

public interface Souscriptions {

    Optional<Souscription> trouver(String numeroContrat, Siren siren);

    /** Saves the subscription with its outgoing events in one write (optimistic lock on its version). */
    void enregistrer(Souscription souscription, List<MessageSortant> messages);

    /** Filters are optional: a member's subscriptions, a contract's, or all. */
    PageVue<Souscription> lister(Siren membre, String numeroContrat, PageDemandee page);
}
