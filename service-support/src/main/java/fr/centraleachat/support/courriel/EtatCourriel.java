package fr.centraleachat.support.courriel;

import java.time.Instant;

/**
 * Where a queued mail stands.
 *
 * @param id             its id in the queue (the idempotency key when one was given)
 * @param statut         pending, being sent, sent, or parked after too many failures
 * @param tentatives     failed attempts so far
 * @param derniereErreur the last failure's message, or {@code null}
 * @param messageId      the {@code Message-ID} it is (or was) sent with, fixed when queued
 * @param envoyeLe       when the SMTP server accepted it, or {@code null}
 */
public record EtatCourriel(String id, Statut statut, int tentatives, String derniereErreur, String messageId,
        Instant envoyeLe) {

    public enum Statut { EN_ATTENTE, EN_COURS, ENVOYE, PARQUE }
}
