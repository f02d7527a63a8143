package fr.centraleachat.auth.login;

import java.net.URI;

import fr.centraleachat.auth.login.FormLoginSession.Attempt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static fr.centraleachat.auth.login.FormLoginSession.attempt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins per account through the real login form. The address limit is set out of reach here
 * (every request comes from 127.0.0.1); {@link LoginThrottlingByAddressIT} covers it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "centrale.auth.jwk-path=target/test-data/login-throttling-it/jwk.json",
				"centrale.auth.login-throttling.address-failures=100000",
				"centrale.auth.login-throttling.first-lock=5s" })
@ActiveProfiles("demo")
class LoginThrottlingIT {

	@LocalServerPort
	int port;

	private URI base;

	@BeforeEach
	void setUp() {
		this.base = URI.create("http://localhost:" + this.port);
	}

	@Test
	void refusesTheRightPasswordAfterTwentyFiveWrongOnesAndSaysWhyInFrench() throws Exception {
		int refusedAsWrong = 0;
		int refusedAsLocked = 0;
		for (int i = 0; i < 25; i++) {
			Attempt wrong = attempt(this.base, "agent.talant", "guess-" + i);
			assertThat(wrong.loggedIn()).isFalse();
			if (wrong.page().contains("Trop de tentatives")) {
				refusedAsLocked++;
			}
			else {
				assertThat(wrong.page()).contains("Identifiant ou mot de passe incorrect.");
				refusedAsWrong++;
			}
		}

		Attempt right = attempt(this.base, "agent.talant", "agent.talant");

		System.out.printf("login throttling: 25 wrong passwords -> %d checked, %d refused as locked; right password "
				+ "then: %s%n", refusedAsWrong, refusedAsLocked, right.loggedIn() ? "accepted" : "refused");
		assertThat(refusedAsWrong).isEqualTo(4);
		assertThat(refusedAsLocked).isEqualTo(21);
		assertThat(right.loggedIn()).isFalse();
		assertThat(right.page()).contains("Trop de tentatives de connexion échouées")
			.contains("Réessayez dans")
			.doesNotContain("Bad credentials");
	}

	@Test
	void locksAtTheFifthFailureThenLetsTheRightPasswordInOnceTheLockHasPassed() throws Exception {
		for (int i = 1; i <= 4; i++) {
			assertThat(attempt(this.base, "fournisseur", "wrong").page()).contains("Identifiant ou mot de passe");
		}
		assertThat(attempt(this.base, "fournisseur", "wrong").page()).contains("Trop de tentatives");
		assertThat(attempt(this.base, "fournisseur", "fournisseur").loggedIn()).isFalse();
		assertThat(attempt(this.base, "acheteur", "acheteur").loggedIn()).as("other accounts unaffected").isTrue();

		Thread.sleep(5_200);

		assertThat(attempt(this.base, "fournisseur", "fournisseur").loggedIn()).isTrue();
	}

	@Test
	void successResetsTheAccountCount() throws Exception {
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(attempt(this.base, "admin", "wrong").page()).contains("Identifiant ou mot de passe");
			}
			assertThat(attempt(this.base, "admin", "admin").loggedIn()).as("round " + round).isTrue();
		}
	}

	@Test
	void locksUnknownUsernamesLikeKnownOnesSoLocksRevealNoAccount() throws Exception {
		for (int i = 0; i < 4; i++) {
			attempt(this.base, "nobody.here", "wrong");
		}

		assertThat(attempt(this.base, "nobody.here", "wrong").page()).contains("Trop de tentatives");
	}

}
