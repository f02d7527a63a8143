package fr.centraleachat.auth.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import fr.centraleachat.auth.config.CentraleAuthProperties.LoginThrottling;

/**
 * Failed-login accounting for the form login: one tracker per account (the submitted username,
 * normalised) and one per client address.
 */
public class LoginThrottle {

	/** Longer usernames are cut before being used as keys: the key space stays bounded in size too. */
	private static final int MAX_KEY_LENGTH = 128;

	private final FailureTracker accounts;

	private final FailureTracker addresses;

	private final Clock clock;

	public LoginThrottle(LoginThrottling settings, Clock clock) {
		this.accounts = new FailureTracker(settings.accountFailures(), settings.window(), settings.firstLock(),
				settings.maxLock(), settings.maxTracked());
		this.addresses = new FailureTracker(settings.addressFailures(), settings.window(), settings.firstLock(),
				settings.maxLock(), settings.maxTracked());
		this.clock = clock;
	}

	/** When the lock on this account or address ends, the later of both, if either is locked. */
	public Optional<Instant> lockedUntil(String username, String address) {
		Instant now = this.clock.instant();
		return later(this.accounts.lockedUntil(accountKey(username), now),
				(address != null) ? this.addresses.lockedUntil(address, now) : Optional.empty());
	}

	/** Counts a failed login; returns the end of the lock if the account or the address is now locked. */
	public Optional<Instant> recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		Optional<Instant> account = this.accounts.recordFailure(accountKey(username), now);
		Optional<Instant> fromAddress = (address != null) ? this.addresses.recordFailure(address, now)
				: Optional.empty();
		return later(account, fromAddress);
	}

	/**
	 * Clears the account's failures. The address keeps its count: one valid account must not let an
	 * address go on guessing the passwords of the others.
	 */
	public void recordSuccess(String username) {
		this.accounts.reset(accountKey(username));
	}

	public Instant now() {
		return this.clock.instant();
	}

	int trackedAccounts() {
		return this.accounts.size();
	}

	int trackedAddresses() {
		return this.addresses.size();
	}

	static String accountKey(String username) {
		String key = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key;
	}

	private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
		if (a.isEmpty()) {
			return b;
		}
		if (b.isEmpty()) {
			return a;
		}
		return a.get().isAfter(b.get()) ? a : b;
	}

}
