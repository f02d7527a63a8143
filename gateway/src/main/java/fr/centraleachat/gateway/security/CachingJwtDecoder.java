package fr.centraleachat.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens already verified, so that a client's next requests with the same token cost a map
 * look-up instead of a signature check (an RSA verification is most of the CPU of a proxied request).
 * <p>
 * Keyed by the whole compact token, signature included: a changed byte is a different token. An entry
 * lives until the token expires, at most {@code maxAge}, so a key withdrawn from the key set stops being
 * honoured within that delay. Failures are never cached. The map is bounded: when full, expired
 * entries are dropped, and if that is not enough it is emptied.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

	private record Entry(Jwt jwt, Instant until) {
	}

	private final ReactiveJwtDecoder delegate;

	private final Duration maxAge;

	private final int maxEntries;

	private final Clock clock;

	private final Map<String, Entry> verified = new ConcurrentHashMap<>();

	CachingJwtDecoder(ReactiveJwtDecoder delegate, Duration maxAge, int maxEntries, Clock clock) {
		this.delegate = delegate;
		this.maxAge = maxAge;
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = knownValid(token);
		if (known != null) {
			return Mono.just(known);
		}
		return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
	}

	/** The verified token, if it was seen recently and is still within its validity. */
	public @Nullable Jwt knownValid(String token) {
		Entry entry = verified.get(token);
		if (entry == null) {
			return null;
		}
		if (!clock.instant().isBefore(entry.until())) {
			verified.remove(token, entry);
			return null;
		}
		return entry.jwt();
	}

	private void remember(String token, Jwt jwt) {
		Instant now = clock.instant();
		Instant until = now.plus(maxAge);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (!now.isBefore(until)) {
			return;
		}
		if (verified.size() >= maxEntries) {
			verified.values().removeIf(entry -> !now.isBefore(entry.until()));
			if (verified.size() >= maxEntries) {
				verified.clear();
			}
		}
		verified.put(token, new Entry(jwt, until));
	}

	int size() {
		return verified.size();
	}

}
