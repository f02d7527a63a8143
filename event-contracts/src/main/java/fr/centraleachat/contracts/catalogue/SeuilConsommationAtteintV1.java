package fr.centraleachat.contracts.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The orders issued on a contract reached a share of its maximum (80 or 100 %), announced once per threshold and
 * contract. Subject: the contract number.
 */
public record SeuilConsommationAtteintV1(String numeroContrat, int seuilPourcent, BigDecimal maximumHt,
        BigDecimal consommeHt, Instant date) {
}
