package fr.centraleachat.auth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed attempts per key (an account or an address) within a sliding-start window, and the lock they
 * lead to. Each lock lasts twice the previous one, up to a maximum; the escalation is forgotten once a
 * whole window passes after a lock without a new failure. At most {@code maxTracked} keys are kept, the
 * least recently used being forgotten first, so made-up keys cannot exhaust memory.
 */
final class FailureTracker {

	private final int maxFailures;

	private final Duration window;

	private final Duration firstLock;

	private final Duration maxLock;

	private final Map<String, Entry> entries;

	FailureTracker(int maxFailures, Duration window, Duration firstLock, Duration maxLock, int maxTracked) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.firstLock = firstLock;
		this.maxLock = maxLock;
		this.entries = new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > maxTracked;
			}
		};
	}

	/** When the key's lock ends, if it is locked at {@code now}. */
	synchronized Optional<Instant> lockedUntil(String key, Instant now) {
		Entry entry = this.entries.get(key);
		return (entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil))
				? Optional.of(entry.lockedUntil) : Optional.empty();
	}

	/**
	 * Counts a failure.
	 * @return when the lock ends if this failure locked the key (or it was locked already)
	 */
	synchronized Optional<Instant> recordFailure(String key, Instant now) {
		Entry entry = this.entries.computeIfAbsent(key, (k) -> new Entry());
		if (entry.lockedUntil != null) {
			if (now.isBefore(entry.lockedUntil)) {
				return Optional.of(entry.lockedUntil);
			}
			if (now.isAfter(entry.lockedUntil.plus(this.window))) {
				entry.locks = 0;
			}
			entry.lockedUntil = null;
		}
		if (entry.windowStart == null || now.isAfter(entry.windowStart.plus(this.window))) {
			entry.windowStart = now;
			entry.failures = 0;
		}
		entry.failures++;
		if (entry.failures < this.maxFailures) {
			return Optional.empty();
		}
		entry.locks++;
		entry.lockedUntil = now.plus(lockDuration(entry.locks));
		entry.failures = 0;
		entry.windowStart = null;
		return Optional.of(entry.lockedUntil);
	}

	/** Forgets the key (a successful login). */
	synchronized void reset(String key) {
		this.entries.remove(key);
	}

	synchronized int size() {
		return this.entries.size();
	}

	Duration lockDuration(int locks) {
		// Doubling capped before it can overflow: 2^20 times the first lock is already far above any sane maximum.
		Duration duration = this.firstLock.multipliedBy(1L << Math.min(locks - 1, 20));
		return (duration.compareTo(this.maxLock) > 0) ? this.maxLock : duration;
	}

	private static final class Entry {

		private int failures;

		private Instant windowStart;

		private int locks;

		private Instant lockedUntil;

	}

}
