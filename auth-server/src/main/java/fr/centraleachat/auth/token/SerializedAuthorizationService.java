package fr.centraleachat.auth.token;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Authorizations (sign-ins in progress and tokens issued) kept by another service, one call at a time.
 * <p>
 * {@link InMemoryOAuth2AuthorizationService} keeps the authorizations not completed yet (from the
 * authorization request to the code exchange) in a {@code Collections.synchronizedMap} whose values
 * {@code findByToken} iterates without holding the map's lock: a code exchanged while another user's
 * sign-in starts or ends fails with a {@code ConcurrentModificationException}, answered 500 by
 * {@code /oauth2/token}. Four sign-ins at a time are enough to see it. One lock around each call
 * closes the race; every call is a lookup in memory.
 */
public final class SerializedAuthorizationService implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	public SerializedAuthorizationService(OAuth2AuthorizationService delegate) {
		this.delegate = delegate;
	}

	@Override
	public synchronized void save(OAuth2Authorization authorization) {
		this.delegate.save(authorization);
	}

	@Override
	public synchronized void remove(OAuth2Authorization authorization) {
		this.delegate.remove(authorization);
	}

	@Override
	public synchronized OAuth2Authorization findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.delegate.findByToken(token, tokenType);
	}

}
