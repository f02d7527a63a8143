package fr.centraleachat.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * Correlation id shared by the gateway, the services and the Kafka events of one business operation.
 */
public final class CorrelationId {

	public static final String HEADER = "X-Correlation-Id";

	/** MDC key, also emitted as a field by structured (ECS) logging. */
	public static final String MDC_KEY = "correlationId";

	static final String ATTRIBUTE = CorrelationId.class.getName() + ".id";

	static final String ORIGINAL_PATH_ATTRIBUTE = CorrelationId.class.getName() + ".originalPath";

	// Restrictive on purpose: the value ends up in logs and in headers of other services.
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private CorrelationId() {
	}

	static String acceptOrGenerate(@Nullable String candidate) {
		if (candidate != null && SAFE.matcher(candidate).matches()) {
			return candidate;
		}
		return UUID.randomUUID().toString();
	}

	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/** Path the client asked for, before any forward or rewrite done by the gateway. */
	public static String originalPath(ServerWebExchange exchange) {
		String path = exchange.getAttribute(ORIGINAL_PATH_ATTRIBUTE);
		return (path != null) ? path : exchange.getRequest().getPath().value();
	}

	/** Runs a logging statement with the exchange's correlation id in the MDC. */
	public static void withMdc(ServerWebExchange exchange, Runnable logStatement) {
		String id = of(exchange);
		if (id == null) {
			logStatement.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
			logStatement.run();
		}
	}

}
