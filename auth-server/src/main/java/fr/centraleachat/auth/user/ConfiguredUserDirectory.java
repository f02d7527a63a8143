package fr.centraleachat.auth.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts read from configuration. Serves form login and gives the token customizer the attributes
 * (member, SIRET) that Spring Security's {@link UserDetails} does not carry.
 */
public class ConfiguredUserDirectory implements UserDetailsService {

	private final Map<String, UserAccount> accounts = new LinkedHashMap<>();

	public ConfiguredUserDirectory(Collection<UserAccount> accounts) {
		accounts.forEach((account) -> this.accounts.put(account.username(), account));
	}

	public Optional<UserAccount> find(String username) {
		return Optional.ofNullable(this.accounts.get(username));
	}

	public int size() {
		return this.accounts.size();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.get(username);
		if (account == null) {
			throw new UsernameNotFoundException("Unknown user");
		}
		// A fresh instance each time: Spring Security erases credentials after authentication.
		return User.withUsername(account.username())
			.password(account.password())
			.roles(account.roles().stream().map(Role::name).toArray(String[]::new))
			.build();
	}

}
