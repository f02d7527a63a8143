package fr.centraleachat.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client token bucket.
 *
 * @param enabled whether requests are limited at all
 * @param capacity burst size: requests a client may send at once
 * @param refillPerSecond sustained rate: tokens given back per second
 * @param maxClients buckets kept at most; beyond, unknown clients share one bucket
 * @param trustedProxies addresses or CIDR blocks of reverse proxies whose {@code X-Forwarded-For} is
 * believed; empty (the default): the header is ignored and the socket's peer is the client
 */
@ConfigurationProperties("centrale.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") long capacity,
		@DefaultValue("50") double refillPerSecond, @DefaultValue("100000") int maxClients,
		List<String> trustedProxies) {

	public RateLimitProperties {
		if (capacity < 1) {
			throw new IllegalArgumentException("centrale.rate-limit.capacity must be at least 1");
		}
		if (!(refillPerSecond > 0)) {
			throw new IllegalArgumentException("centrale.rate-limit.refill-per-second must be positive");
		}
		if (maxClients < 1) {
			throw new IllegalArgumentException("centrale.rate-limit.max-clients must be at least 1");
		}
		trustedProxies = (trustedProxies == null) ? List.of() : List.copyOf(trustedProxies);
	}

}
