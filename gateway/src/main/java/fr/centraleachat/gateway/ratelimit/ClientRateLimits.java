package fr.centraleachat.gateway.ratelimit;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * The buckets shared by the two limiting filters (by client address before authentication, by token
 * subject after), and the 429 answer.
 */
@Component
public class ClientRateLimits {

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final TokenBucketRateLimiter limiter;

	private final RateLimitProperties properties;

	private final ClientAddress clientAddress;

	private final ProblemResponseWriter writer;

	public ClientRateLimits(RateLimitProperties properties, ProblemResponseWriter writer) {
		this.properties = properties;
		this.limiter = new TokenBucketRateLimiter(properties);
		this.clientAddress = new ClientAddress(properties.trustedProxies());
		this.writer = writer;
	}

	boolean applies(ServerWebExchange exchange) {
		// Probes and metric scrapes must never be throttled, or the platform would restart us.
		return properties.enabled() && !exchange.getRequest().getPath().value().startsWith("/actuator/");
	}

	String addressKey(ServerWebExchange exchange) {
		return "ip:" + clientAddress.of(exchange);
	}

	Mono<Void> consume(String key, ServerWebExchange exchange, WebFilterChain chain) {
		TokenBucketRateLimiter.Decision decision = limiter.tryConsume(key);
		if (decision.allowed()) {
			exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
			return chain.filter(exchange);
		}
		long seconds = decision.retryAfterSeconds();
		String detail = "Vous avez dépassé la limite de " + properties.capacity() + " requêtes autorisées en rafale ("
				+ formatRate(properties.refillPerSecond()) + " par seconde en continu). Veuillez réessayer dans "
				+ seconds + (seconds > 1 ? " secondes." : " seconde.");
		return writer.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Trop de requêtes", detail, headers -> {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			headers.set(REMAINING_HEADER, "0");
		});
	}

	private static String formatRate(double rate) {
		return (rate == Math.rint(rate)) ? Long.toString((long) rate) : Double.toString(rate).replace('.', ',');
	}

}
