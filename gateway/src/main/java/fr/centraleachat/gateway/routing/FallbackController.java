package fr.centraleachat.gateway.routing;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import fr.centraleachat.gateway.correlation.CorrelationId;
import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Target of the circuit breakers' {@code forward:/fallback/{service}}: the service is down, too slow,
 * overloaded or its circuit is open. Reads get 503 with Retry-After; a write whose outcome is unknown
 * (time limit reached, connection lost after sending) gets 504, since answering "try again" could make
 * the operation happen twice.
 */
@Hidden
@RestController
class FallbackController {

	private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

	private final ProblemResponseWriter writer;

	private final ResilienceProperties resilience;

	FallbackController(ProblemResponseWriter writer, ResilienceProperties resilience) {
		this.writer = writer;
		this.resilience = resilience;
	}

	// Every method: the forward keeps the method of the original request.
	@RequestMapping("/fallback/{service}")
	Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		BodyTooLargeException tooLarge = BodyTooLargeException.findIn(cause);
		if (tooLarge != null) {
			return writer.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Requête trop volumineuse",
					tooLarge.frenchDetail(), headers -> headers.set(HttpHeaders.CONNECTION, "close"));
		}
		String serviceName = Backend.fromId(service).map(Backend::serviceName).orElse(service);
		String label = Backend.fromId(service).map(Backend::frenchLabel).orElse("demandé");
		String method = exchange.getRequest().getMethod().name();
		CorrelationId.withMdc(exchange, () -> log.warn("{} unavailable for {} {}: {}", serviceName, method,
				CorrelationId.originalPath(exchange), reason(cause)));
		if (!isRead(exchange.getRequest().getMethod()) && !certainlyNotSent(cause)) {
			// The write may have been performed: "try again" could do it twice.
			return writer.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Issue de l'opération inconnue",
					"Le service " + label + " (" + serviceName + ") n'a pas répondu à temps. L'opération a peut-être "
							+ "été effectuée : vérifiez son résultat avant de la renouveler, ou renvoyez-la avec la même clé "
							+ "Idempotency-Key pour obtenir sa réponse sans la refaire.",
					headers -> {
					});
		}
		long retryAfter = Math.max(1, resilience.retryAfter().toSeconds());
		String detail = "Le service " + label + " (" + serviceName + ") est momentanément indisponible. "
				+ "Veuillez réessayer dans " + retryAfter + " secondes.";
		return writer.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service momentanément indisponible", detail,
				headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
	}

	private static boolean isRead(HttpMethod method) {
		for (HttpMethod read : RoutesConfiguration.READ_METHODS) {
			if (read.equals(method)) {
				return true;
			}
		}
		return false;
	}

	/** Failures that happen before the request can have reached the service. */
	static boolean certainlyNotSent(@Nullable Throwable cause) {
		for (Throwable t = cause; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			// ConnectException covers Netty's connect time-out as well.
			if (t instanceof CallNotPermittedException || t instanceof BulkheadFullException
					|| t instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private static String reason(@Nullable Throwable cause) {
		if (cause == null) {
			return "unknown cause";
		}
		if (cause instanceof CallNotPermittedException) {
			return "circuit open";
		}
		if (cause instanceof BulkheadFullException) {
			return "too many concurrent calls";
		}
		if (cause instanceof TimeoutException) {
			return "no answer within the time limit";
		}
		if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
			return "connection refused (" + cause.getMessage() + ")";
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
