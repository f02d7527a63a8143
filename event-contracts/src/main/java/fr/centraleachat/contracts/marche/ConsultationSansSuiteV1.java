package fr.centraleachat.contracts.marche;

import java.time.Instant;

/** The consultation was abandoned (déclarée sans suite) with a reason. */
public record ConsultationSansSuiteV1(String consultationId, String raison, Instant date) {
}
