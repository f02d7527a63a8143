package fr.centraleachat.auth.login;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static fr.centraleachat.auth.login.FormLoginSession.attempt;
import static org.assertj.core.api.Assertions.assertThat;

/** An address guessing across accounts is locked, even for an account it never tried. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "centrale.auth.jwk-path=target/test-data/login-throttling-address-it/jwk.json",
				"centrale.auth.login-throttling.address-failures=8" })
@ActiveProfiles("demo")
class LoginThrottlingByAddressIT {

	@LocalServerPort
	int port;

	@Test
	void locksAnAddressAfterFailuresSpreadOverAccounts() throws Exception {
		URI base = URI.create("http://localhost:" + this.port);
		String[] accounts = { "acheteur", "agent.dijon", "agent.talant", "fournisseur" };
		for (int i = 0; i < 7; i++) {
			// Two failures per account: far below the account limit.
			assertThat(attempt(base, accounts[i % 4], "wrong").page()).contains("Identifiant ou mot de passe");
		}
		assertThat(attempt(base, accounts[3], "wrong").page()).contains("Trop de tentatives");

		assertThat(attempt(base, "admin", "admin").loggedIn()).as("an account never tried, right password").isFalse();
	}

}
