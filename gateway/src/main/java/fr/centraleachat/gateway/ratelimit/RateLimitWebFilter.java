package fr.centraleachat.gateway.ratelimit;

import java.net.InetSocketAddress;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits each client to a token bucket. Runs after Spring Security (order -100) so that the key is
 * taken from a validated token, not from a claim anyone could forge.
 */
@Component
@Order(0)
public class RateLimitWebFilter implements WebFilter {

	static final String REMAINING_HEADER = "X-RateLimit-Remaining";

	private final TokenBucketRateLimiter limiter;

	private final RateLimitProperties properties;

	private final ProblemResponseWriter writer;

	public RateLimitWebFilter(RateLimitProperties properties, ProblemResponseWriter writer) {
		this.properties = properties;
		this.limiter = new TokenBucketRateLimiter(properties);
		this.writer = writer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Probes and metric scrapes must never be throttled, or the platform would restart us.
		if (!properties.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.mapNotNull(RateLimitWebFilter::clientKey)
			.defaultIfEmpty(remoteAddressKey(exchange))
			.flatMap(key -> {
				TokenBucketRateLimiter.Decision decision = limiter.tryConsume(key);
				if (decision.allowed()) {
					exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(decision.remaining()));
					return chain.filter(exchange);
				}
				return tooManyRequests(exchange, decision);
			});
	}

	private Mono<Void> tooManyRequests(ServerWebExchange exchange, TokenBucketRateLimiter.Decision decision) {
		long seconds = decision.retryAfterSeconds();
		String detail = "Vous avez dépassé la limite de " + properties.capacity() + " requêtes autorisées en rafale ("
				+ formatRate(properties.refillPerSecond()) + " par seconde en continu). Veuillez réessayer dans "
				+ seconds + (seconds > 1 ? " secondes." : " seconde.");
		return writer.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Trop de requêtes", detail, headers -> {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			headers.set(REMAINING_HEADER, "0");
		});
	}

	/** Subject of a user token; for a client-credentials token without subject, the client id. */
	static @Nullable String clientKey(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return null;
		}
		Jwt jwt = token.getToken();
		if (StringUtils.hasText(jwt.getSubject())) {
			return "sub:" + jwt.getSubject();
		}
		for (String claim : new String[] { "azp", "client_id" }) {
			String client = jwt.getClaimAsString(claim);
			if (StringUtils.hasText(client)) {
				return "client:" + client;
			}
		}
		return null;
	}

	static String remoteAddressKey(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "ip:unknown";
		}
		return "ip:" + ((remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString());
	}

	private static String formatRate(double rate) {
		return (rate == Math.rint(rate)) ? Long.toString((long) rate) : Double.toString(rate).replace('.', ',');
	}

}
