package fr.centraleachat.contracts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/** An issued order was cancelled before delivery: its amount is given back to the maximum. Subject: the contract. */
public record BonDeCommandeAnnuleV1(String numero, String numeroContrat, String siren, BigDecimal montantHt,
        String motif, Instant date) {
}
