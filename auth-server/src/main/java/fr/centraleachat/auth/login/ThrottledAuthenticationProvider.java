package fr.centraleachat.auth.login;

import java.util.Optional;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username/password authentication guarded by a {@link LoginThrottle}: refused without even checking
 * the password while the account or the address is locked, failures counted, the account's count
 * cleared on success. The client address is the TCP peer (the authorization server is reached directly,
 * not through the gateway), never a header the caller could make up.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

	static final String BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect.";

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	public ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = addressOf(authentication);
		Optional<Instant> locked = this.throttle.lockedUntil(username, address);
		if (locked.isPresent()) {
			throw new LoginLockedException(locked.get(), this.throttle.now());
		}
		Authentication result;
		try {
			result = this.delegate.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			Optional<Instant> lock = this.throttle.recordFailure(username, address);
			if (lock.isPresent()) {
				log.warn("Login locked until {} after repeated failures (address {})", lock.get(), address);
				throw new LoginLockedException(lock.get(), this.throttle.now());
			}
			throw new BadCredentialsException(BAD_CREDENTIALS, ex);
		}
		if (result != null) {
			this.throttle.recordSuccess(username);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	private static String addressOf(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

}
