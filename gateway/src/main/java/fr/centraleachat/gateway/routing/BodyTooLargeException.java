package fr.centraleachat.gateway.routing;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * A request body above the route's limit, seen from its Content-Length or while it streams.
 */
public class BodyTooLargeException extends RuntimeException {

	private final DataSize limit;

	BodyTooLargeException(DataSize limit) {
		super("Request body above " + limit.toBytes() + " bytes", null, false, false);
		this.limit = limit;
	}

	public String frenchDetail() {
		return "Le corps de la requête dépasse la taille acceptée pour cette ressource (" + BodySizeLimitFilter.human(limit)
				+ " au plus).";
	}

	/** The exception itself or one of its causes: proxying wraps what the body stream signalled. */
	public static @Nullable BodyTooLargeException findIn(@Nullable Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
		}
		return null;
	}

}
