package fr.centraleachat.auth.user;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConfiguredUserDirectoryTest {

	private final ConfiguredUserDirectory directory = new ConfiguredUserDirectory(
			List.of(new UserAccount("acheteur", "{noop}acheteur", List.of(Role.ACHETEUR), null, null)));

	@Test
	void grantsConfiguredRolesAsSpringSecurityRoles() {
		UserDetails user = this.directory.loadUserByUsername("acheteur");

		assertThat(user.getPassword()).isEqualTo("{noop}acheteur");
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ACHETEUR");
	}

	@Test
	void rejectsUnknownUser() {
		assertThatExceptionOfType(UsernameNotFoundException.class)
			.isThrownBy(() -> this.directory.loadUserByUsername("inconnu"));
	}

}
