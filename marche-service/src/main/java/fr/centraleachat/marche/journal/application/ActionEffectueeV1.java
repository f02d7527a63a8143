package fr.centraleachat.marche.journal.application;

import java.util.List;

/**
 * The journal's own event: "this action was taken on the consultation (the envelope's subject), by this author".
 * It travels through the consultation's outbox, in the same single-document write as the change it records, so
 * that a change and its journal entry cannot diverge; marche-service's journal consumer appends it to the chain.
 * The envelope carries the event id (the entry's idempotency key), the time and the correlation id.
 *
 * <p>A service-private contract, on a topic of marche-service's own: {@code event-contracts} is the catalogue of
 * what other services may consume ("adding a type here is adding to a public contract") and every service declares
 * each of its topics. Nobody else reads this one, so it lives here and can change with the service.
 *
 * @param action an {@link fr.centraleachat.marche.journal.domain.ActionJournal} name
 * @param acteur the author's subject
 * @param roles the author's roles
 * @param resume the French before → after summary
 */
public record ActionEffectueeV1(String action, String acteur, List<String> roles, String resume) {

    public static final String TOPIC = "centrale.marche.journal.v1";
    public static final String TYPE = "fr.centraleachat.marche.journal.ActionEffectuee.v1";
    public static final String SOURCE = "/centrale-achat/marche/journal";
    public static final String SCHEMA = "urn:centrale-achat:schema:ActionEffectuee:v1";
}
