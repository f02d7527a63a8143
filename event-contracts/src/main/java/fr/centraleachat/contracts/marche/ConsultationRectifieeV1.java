package fr.centraleachat.contracts.marche;

import fr.centraleachat.contracts.Facultatif;
import java.time.Instant;

/**
 * A published consultation was changed by a rectificatif (its DCE, its dates, or both). Subject: the consultation id.
 * A consumer showing the consultation takes {@code dlro} as the deadline now in force.
 *
 * @param numero the rectificatif's rank on the consultation, from 1
 * @param substantiel a substantial change: the legal minimum time to bid counts again from {@code date}, and bids
 *     filed before it are to be confirmed by their suppliers
 * @param dlro the deadline for receipt of offers in force after the rectificatif (equal to {@code dlroPrecedente}
 *     when it did not change)
 * @param dateLimiteQuestions the date until which questions are accepted after the rectificatif; null when the
 *     consultation sets none (questions then run until the DLRO)
 */
public record ConsultationRectifieeV1(
        String consultationId,
        int numero,
        String raison,
        boolean substantiel,
        Instant dlro,
        Instant dlroPrecedente,
        @Facultatif Instant dateLimiteQuestions,
        Instant date) {
}
