package fr.centraleachat.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per client key. Kept per gateway instance: with several instances the
 * effective limit is multiplied by their number.
 * <p>
 * A bucket that has been idle long enough to be full again is indistinguishable from a new one, so
 * such buckets are dropped during periodic sweeps: memory follows the number of active clients.
 */
public class TokenBucketRateLimiter {

	static final String OVERFLOW_KEY = "~overflow";

	private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final long capacity;

	private final double refillPerNano;

	private final double refillPerSecond;

	private final int maxClients;

	private final LongSupplier nanoClock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong lastSweep;

	public TokenBucketRateLimiter(RateLimitProperties properties) {
		this(properties, System::nanoTime);
	}

	TokenBucketRateLimiter(RateLimitProperties properties, LongSupplier nanoClock) {
		this.capacity = properties.capacity();
		this.refillPerSecond = properties.refillPerSecond();
		this.refillPerNano = properties.refillPerSecond() / TimeUnit.SECONDS.toNanos(1);
		this.maxClients = properties.maxClients();
		this.nanoClock = nanoClock;
		this.lastSweep = new AtomicLong(nanoClock.getAsLong());
	}

	/** Outcome of one request: allowed, or refused with the delay before a token is back. */
	public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
	}

	public Decision tryConsume(String key) {
		long now = nanoClock.getAsLong();
		sweepIfDue(now);
		Bucket bucket = buckets.get(key);
		if (bucket == null) {
			if (buckets.size() >= maxClients) {
				sweep(now);
			}
			// Under a flood of distinct keys, newcomers share one bucket instead of growing the map.
			String effectiveKey = (buckets.size() >= maxClients) ? OVERFLOW_KEY : key;
			bucket = buckets.computeIfAbsent(effectiveKey, k -> new Bucket(capacity, now));
		}
		return bucket.tryConsume(now);
	}

	int trackedClients() {
		return buckets.size();
	}

	private void sweepIfDue(long now) {
		long last = lastSweep.get();
		if (now - last >= SWEEP_INTERVAL_NANOS && lastSweep.compareAndSet(last, now)) {
			sweep(now);
		}
	}

	private void sweep(long now) {
		buckets.values().removeIf(bucket -> bucket.isFullAt(now));
	}

	private final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		synchronized Decision tryConsume(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return new Decision(true, (long) tokens, 0);
			}
			long wait = (long) Math.ceil((1 - tokens) / refillPerSecond);
			return new Decision(false, 0, Math.max(1, wait));
		}

		synchronized boolean isFullAt(long now) {
			return tokens + (now - updatedAt) * refillPerNano >= capacity;
		}

		private void refill(long now) {
			if (now > updatedAt) {
				tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
				updatedAt = now;
			}
		}

	}

}
