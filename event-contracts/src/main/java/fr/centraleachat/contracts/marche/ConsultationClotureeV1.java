package fr.centraleachat.contracts.marche;

import java.time.Instant;

/** The deadline for receipt of offers passed: no more bids are accepted. */
public record ConsultationClotureeV1(String consultationId, Instant dlro, Instant dateCloture) {
}
