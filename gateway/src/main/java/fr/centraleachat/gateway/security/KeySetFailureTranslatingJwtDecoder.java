package fr.centraleachat.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Failing to fetch the signing keys surfaces as a plain {@link IllegalStateException}, which Spring
 * Security lets through as a 500. Turned into a {@link JwtException} (not a "bad JWT" one), it becomes
 * an authentication service error, answered with 503 by {@link ProblemAuthenticationFailureHandler}.
 */
final class KeySetFailureTranslatingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	KeySetFailureTranslatingJwtDecoder(ReactiveJwtDecoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return delegate.decode(token)
			.onErrorMap(ex -> !(ex instanceof JwtException),
					ex -> new JwtException("Unable to validate the token: " + ex.getMessage(), ex));
	}

}
