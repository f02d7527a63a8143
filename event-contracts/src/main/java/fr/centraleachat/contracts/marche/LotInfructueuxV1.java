package fr.centraleachat.contracts.marche;

import java.time.Instant;

/** A lot of a consultation had no admissible offer. Subject: the consultation id. */
public record LotInfructueuxV1(String consultationId, int lot, String raison, Instant date) {
}
