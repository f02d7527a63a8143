package fr.centraleachat.contracts.catalogue;

import java.time.Instant;
import java.time.LocalDate;

/** An issued order was delivered. Subject: the contract number. */
public record BonDeCommandeLivreV1(String numero, String numeroContrat, String siren, LocalDate dateLivraison,
        Instant date) {
}
