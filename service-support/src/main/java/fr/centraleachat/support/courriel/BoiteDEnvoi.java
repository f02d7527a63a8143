package fr.centraleachat.support.courriel;

import java.util.Optional;

/**
 * The outgoing mail queue of a service. A mail deposited here is stored durably (MongoDB collection
 * {@value BoiteDEnvoiMongo#COLLECTION}) before the call returns, then sent by the relay when an SMTP server is
 * configured, retried while it fails, and parked (kept, with its error) after too many failures: nothing is lost.
 * <p>
 * Depositing is not part of the caller's own write. To queue a mail for a state change exactly once, deposit it
 * with an idempotency key derived from that change (e.g. the id of the event that announces it) from a step that
 * is retried until it succeeds, such as an event consumer: a second deposit with the same key queues nothing.
 */
public interface BoiteDEnvoi {

    /** Queues {@code courriel} and returns its id. */
    String deposer(Courriel courriel);

    /**
     * Queues {@code courriel} unless a mail was already queued under {@code cleIdempotence} (1 to 200 visible ASCII
     * characters); either way returns the id, which is the key. The first mail deposited under a key wins.
     */
    String deposer(String cleIdempotence, Courriel courriel);

    /** Where the mail {@code id} stands, if it is in the queue. */
    Optional<EtatCourriel> etat(String id);

    /** Puts a parked mail back in the queue, its attempts reset; false if {@code id} is not parked. */
    boolean reprendre(String id);
}
