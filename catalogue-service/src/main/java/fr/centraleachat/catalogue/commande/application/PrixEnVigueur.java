package fr.centraleachat.catalogue.commande.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The price of an item of a contract's price list, in the version in force on a date. */
public interface PrixEnVigueur {

    record Article(String reference, String designation, String unite, BigDecimal prixUnitaireHt, BigDecimal tauxTva) {
    }

    Optional<Article> prix(String numeroContrat, String reference, LocalDate date);
}
