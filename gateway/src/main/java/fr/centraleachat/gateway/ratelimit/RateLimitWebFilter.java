package fr.centraleachat.gateway.ratelimit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
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
 * Limits each authenticated client to a token bucket. Runs after Spring Security (order -100) so that
 * the key is taken from a validated token, not from a claim anyone could forge. Requests without a
 * valid token were limited by address before security, in {@link AddressRateLimitWebFilter}.
 */
@Component
@Order(0)
public class RateLimitWebFilter implements WebFilter {

	static final String REMAINING_HEADER = ClientRateLimits.REMAINING_HEADER;

	private final ClientRateLimits limits;

	public RateLimitWebFilter(ClientRateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!limits.applies(exchange)) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.mapNotNull(RateLimitWebFilter::clientKey)
			.flatMap(key -> limits.consume(key, exchange, chain).thenReturn(Boolean.TRUE))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(Boolean.TRUE)))
			.then();
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

}
