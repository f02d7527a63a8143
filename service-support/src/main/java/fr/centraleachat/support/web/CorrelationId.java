package fr.centraleachat.support.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id that follows one user action from the gateway through services and Kafka to consumers.
 * Held in the logging MDC so that every log line of the action carries it.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** CloudEvents extension attribute (lower-case alphanumeric, as the spec requires). */
    public static final String CE_EXTENSION = "correlationid";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private CorrelationId() {
    }

    /** Keeps a caller-supplied id only if it is safe to log and echo; otherwise starts a new one. */
    public static String accepterOuGenerer(String candidat) {
        return candidat != null && SAFE.matcher(candidat).matches() ? candidat : UUID.randomUUID().toString();
    }

    public static String courant() {
        return MDC.get(MDC_KEY);
    }
}
