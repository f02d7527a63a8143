package fr.centraleachat.auth.login;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed logins for the account or from the address: refused whatever the password. Its
 * message is shown on the login page, so it is in French and tells when to try again.
 */
public class LoginLockedException extends LockedException {

	private final Instant until;

	public LoginLockedException(Instant until, Instant now) {
		super(message(until, now));
		this.until = until;
	}

	public Instant until() {
		return this.until;
	}

	static String message(Instant until, Instant now) {
		long seconds = Math.max(1, Duration.between(now, until).toSeconds());
		long minutes = (seconds + 59) / 60;
		String delay = (seconds < 60) ? seconds + ((seconds > 1) ? " secondes" : " seconde")
				: minutes + ((minutes > 1) ? " minutes" : " minute");
		return "Trop de tentatives de connexion échouées : connexion bloquée temporairement. Réessayez dans "
				+ delay + ".";
	}

}
