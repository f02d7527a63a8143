package fr.centraleachat.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import fr.centraleachat.auth.config.CentraleAuthProperties.LoginThrottling;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private static final String ADDRESS = "203.0.113.7";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottling(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 100),
			this.clock);

	@Test
	void locksAccountAtTheFifthFailureWithinTheWindow() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.recordFailure("agent.dijon", ADDRESS)).isEmpty();
		}
		assertThat(this.throttle.lockedUntil("agent.dijon", ADDRESS)).isEmpty();

		assertThat(this.throttle.recordFailure("agent.dijon", ADDRESS))
			.contains(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(this.throttle.lockedUntil("agent.dijon", "198.51.100.1")).isPresent();
		assertThat(this.throttle.lockedUntil("Agent.Dijon ", "198.51.100.1")).as("username normalised").isPresent();
		assertThat(this.throttle.lockedUntil("acheteur", ADDRESS)).as("other accounts unaffected").isEmpty();
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure("acheteur", ADDRESS);
		}
		this.clock.advance(Duration.ofMinutes(16));

		assertThat(this.throttle.recordFailure("acheteur", ADDRESS)).isEmpty();
		assertThat(this.throttle.lockedUntil("acheteur", ADDRESS)).isEmpty();
	}

	@Test
	void doublesEachNewLockUpToTheMaximum() {
		Duration previous = Duration.ZERO;
		for (int lock = 1; lock <= 8; lock++) {
			Instant until = lockAccount("fournisseur");
			Duration duration = Duration.between(this.clock.instant(), until);
			Duration expected = Duration.ofMinutes(Math.min(60, 1L << (lock - 1)));
			assertThat(duration).as("lock " + lock).isEqualTo(expected);
			assertThat(duration).isGreaterThanOrEqualTo(previous);
			previous = duration;
			this.clock.advance(duration.plusSeconds(1));
			assertThat(this.throttle.lockedUntil("fournisseur", null)).isEmpty();
		}
	}

	@Test
	void successClearsTheAccountButNotTheAddress() {
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure("admin", ADDRESS);
		}
		this.throttle.recordSuccess("admin");

		assertThat(this.throttle.recordFailure("admin", ADDRESS)).as("count restarted").isEmpty();
		for (int i = 0; i < 15; i++) {
			this.throttle.recordFailure("user" + i, ADDRESS);
		}
		// 4 + 1 + 15 = 20 failures from the address: locked across accounts.
		assertThat(this.throttle.lockedUntil("someone-else", ADDRESS)).isPresent();
		assertThat(this.throttle.lockedUntil("someone-else", "198.51.100.1")).isEmpty();
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfAccountsAndAddresses() {
		for (int i = 0; i < 10_000; i++) {
			this.throttle.recordFailure("made-up-" + i + "x".repeat(1000), "10.0." + (i / 256) + "." + (i % 256));
		}

		assertThat(this.throttle.trackedAccounts()).isEqualTo(100);
		assertThat(this.throttle.trackedAddresses()).isEqualTo(100);
	}

	@Test
	void tellsWhenToTryAgainInFrench() {
		Instant now = Instant.parse("2026-03-02T08:00:00Z");

		assertThat(LoginLockedException.message(now.plusSeconds(90), now)).contains("Réessayez dans 2 minutes.");
		assertThat(LoginLockedException.message(now.plusSeconds(1), now)).contains("Réessayez dans 1 seconde.");
		assertThat(LoginLockedException.message(now.plusSeconds(60), now)).contains("1 minute.");
	}

	private Instant lockAccount(String username) {
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.recordFailure(username, null)).isEmpty();
		}
		return this.throttle.recordFailure(username, null).orElseThrow();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
