package fr.centraleachat.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTest {

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	private TokenBucketRateLimiter limiter(long capacity, double refillPerSecond, int maxClients) {
		return new TokenBucketRateLimiter(new RateLimitProperties(true, capacity, refillPerSecond, maxClients, java.util.List.of()),
				clock::get);
	}

	private void advanceMillis(long millis) {
		clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

	@Test
	void burstUpToCapacityThenRefusedWithRetryAfter() {
		TokenBucketRateLimiter limiter = limiter(3, 0.25, 100);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryConsume("a").allowed()).isTrue();
		}
		TokenBucketRateLimiter.Decision refused = limiter.tryConsume("a");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(4);

		advanceMillis(4000);
		assertThat(limiter.tryConsume("a").allowed()).isTrue();
	}

	@Test
	void refillIsCappedAtCapacity() {
		TokenBucketRateLimiter limiter = limiter(2, 100, 100);
		limiter.tryConsume("a");
		advanceMillis(60_000);
		assertThat(limiter.tryConsume("a").remaining()).isEqualTo(1);
	}

	@Test
	void idleBucketsAreEvicted() {
		TokenBucketRateLimiter limiter = limiter(10, 10, 1000);
		for (int i = 0; i < 500; i++) {
			limiter.tryConsume("client-" + i);
		}
		assertThat(limiter.trackedClients()).isEqualTo(500);
		advanceMillis(31_000);
		limiter.tryConsume("late");
		assertThat(limiter.trackedClients()).isEqualTo(1);
	}

	@Test
	void floodOfDistinctKeysStaysBounded() {
		TokenBucketRateLimiter limiter = limiter(5, 1, 100);
		int allowed = 0;
		for (int i = 0; i < 10_000; i++) {
			if (limiter.tryConsume("spoofed-" + i).allowed()) {
				allowed++;
			}
		}
		assertThat(limiter.trackedClients()).isLessThanOrEqualTo(101);
		// One request per own bucket (100), then newcomers share the overflow bucket (5).
		assertThat(allowed).isEqualTo(100 + 5);
	}

}
