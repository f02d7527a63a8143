package fr.centraleachat.contracts.marche;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A notified marché is terminated (résilié) by the acheteur: no order on it from {@code dateEffet}. Subject: the
 * consultation id, as for {@link MarcheNotifieV1}, so that both reach a consumer in order.
 */
public record MarcheResilieV1(String numero, String consultationId, int lot, LocalDate dateEffet, String motif,
        Instant date) {
}
