package fr.centraleachat.catalogue.commande.domain;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to an order (past tense); translated to integration events by the application. */
public sealed interface EvenementBonDeCommande {

    record BonDeCommandeEmis(Instant le) implements EvenementBonDeCommande {
    }

    record BonDeCommandeLivre(LocalDate dateLivraison, Instant le) implements EvenementBonDeCommande {
    }

    record BonDeCommandeAnnule(String motif, Instant le) implements EvenementBonDeCommande {
    }
}
