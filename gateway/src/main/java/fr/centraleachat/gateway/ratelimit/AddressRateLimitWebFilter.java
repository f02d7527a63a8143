package fr.centraleachat.gateway.ratelimit;

import fr.centraleachat.gateway.security.CachingJwtDecoder;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits, by client address and before Spring Security (order -100), every request that does not carry
 * a token already known to be valid: anonymous calls, bad or forged tokens, and the first call of a new
 * token. A flood of such requests is refused with 429 before any signature is checked. Requests with a
 * known token are limited per subject afterwards by {@link RateLimitWebFilter}.
 */
@Component
@Order(-150)
public class AddressRateLimitWebFilter implements WebFilter {

	private static final String BEARER = "bearer ";

	private final ClientRateLimits limits;

	private final CachingJwtDecoder tokens;

	public AddressRateLimitWebFilter(ClientRateLimits limits, CachingJwtDecoder tokens) {
		this.limits = limits;
		this.tokens = tokens;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!limits.applies(exchange) || carriesKnownToken(exchange)) {
			return chain.filter(exchange);
		}
		return limits.consume(limits.addressKey(exchange), exchange, chain);
	}

	private boolean carriesKnownToken(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return false;
		}
		return tokens.knownValid(authorization.substring(BEARER.length()).trim()) != null;
	}

}
