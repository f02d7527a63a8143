package fr.centraleachat.marche.opendata.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Données essentielles due and not yet published: the initial data of a notified marché, or one modification,
 * within 2 months of the notification or modification.
 *
 * @param modification the avenant's number, null for the initial data
 * @param anomalie why the data cannot be produced yet (e.g. the acheteur's SIRET is unknown), else null
 */
public record EcheanceDecp(String numeroMarche, String consultationId, int lot, String objet, Evenement evenement,
        Integer modification, LocalDate date, LocalDate dateLimite, boolean enRetard, String anomalie) {

    /** What must be published. */
    public enum Evenement {
        NOTIFICATION,
        MODIFICATION
    }

    public EcheanceDecp {
        Objects.requireNonNull(numeroMarche, "numeroMarche");
        Objects.requireNonNull(evenement, "evenement");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateLimite, "dateLimite");
    }
}
