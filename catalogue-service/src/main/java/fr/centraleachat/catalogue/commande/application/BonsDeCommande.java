package fr.centraleachat.catalogue.commande.application;

import fr.centraleachat.catalogue.commande.domain.BonDeCommande;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface BonsDeCommande {

    Optional<BonDeCommande> trouver(String numero);

    /** Saves the order with its outgoing events in one write (optimistic lock on its version). */
    void enregistrer(BonDeCommande bon, List<MessageSortant> messages);

    /** The next number of a member's orders in a year: {@code SIREN-AAAA-NNNNN}. */
    String prochainNumero(Siren siren, int annee);

    /** Filters are optional (null): a member's orders, a titulaire's, a contract's. */
    PageVue<BonDeCommande> lister(Siren membre, Siret titulaire, String numeroContrat, PageDemandee page);

    /** Issued and delivered orders of a contract, amount HT per member. */
    Map<Siren, BigDecimal> consommationParMembre(String numeroContrat);
}
