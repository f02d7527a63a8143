package fr.centraleachat.auth.config;

import java.time.Duration;

import fr.centraleachat.auth.config.CentraleAuthProperties.ClientAuthMethod;
import fr.centraleachat.auth.config.CentraleAuthProperties.GrantType;
import fr.centraleachat.auth.config.CentraleAuthProperties.User;
import fr.centraleachat.auth.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CentraleAuthPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class)
		.withPropertyValues("centrale.auth.jwk-path=target/unused/jwk.json");

	@Test
	void definesNoUsersNorClientsByDefault() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer()).run((context) -> {
			CentraleAuthProperties properties = context.getBean(CentraleAuthProperties.class);
			assertThat(properties.users()).isEmpty();
			assertThat(properties.clients()).isEmpty();
			assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
		});
	}

	@Test
	void loadsDemoProfileAccountsAndClients() {
		this.runner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.profiles.active=demo")
			.run((context) -> {
				CentraleAuthProperties properties = context.getBean(CentraleAuthProperties.class);
				assertThat(properties.resolvedUsers()).extracting(User::username)
					.containsExactlyInAnyOrder("acheteur", "agent.dijon", "agent.talant", "fournisseur", "fournisseur2", "admin");
				assertThat(properties.resolvedUsers()).filteredOn((user) -> user.username().equals("agent.talant"))
					.singleElement()
					.satisfies((user) -> assertThat(user.membre()).isEqualTo("212106173"));
				assertThat(properties.resolvedClients()).extracting(CentraleAuthProperties.Client::clientId)
					.containsExactlyInAnyOrder("centrale-web", "systeme-externe", "supervision");
				assertThat(properties.clients().get("centrale-web").isPublicClient()).isTrue();
				assertThat(properties.clients().get("systeme-externe").authenticationMethods())
					.containsExactlyInAnyOrder(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST);
			});
	}

	@Test
	void usesMapLabelAsDefaultUsernameAndClientId() {
		this.runner
			.withPropertyValues("centrale.auth.users.ops.password={bcrypt}$2a$10$abc",
					"centrale.auth.users.ops.roles=ADMIN", "centrale.auth.clients.batch.secret={noop}s",
					"centrale.auth.clients.batch.grant-types=client_credentials",
					"centrale.auth.clients.batch.scopes=data:read")
			.run((context) -> {
				CentraleAuthProperties properties = context.getBean(CentraleAuthProperties.class);
				assertThat(properties.resolvedUsers()).singleElement().satisfies((user) -> {
					assertThat(user.username()).isEqualTo("ops");
					assertThat(user.roles()).containsExactly(Role.ADMIN);
				});
				assertThat(properties.resolvedClients()).singleElement().satisfies((client) -> {
					assertThat(client.clientId()).isEqualTo("batch");
					assertThat(client.authenticationMethods()).containsExactly(ClientAuthMethod.CLIENT_SECRET_BASIC);
					assertThat(client.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
				});
			});
	}

	@Test
	void rejectsAgentWithoutMembre() {
		assertStartupFails("'membre'", "centrale.auth.users.a.password={noop}a", "centrale.auth.users.a.roles=AGENT");
	}

	@Test
	void rejectsMembreOnNonAgent() {
		assertStartupFails("'membre'", "centrale.auth.users.a.password={noop}a", "centrale.auth.users.a.roles=ACHETEUR",
				"centrale.auth.users.a.membre=212102313");
	}

	@Test
	void rejectsSupplierWithoutSiret() {
		assertStartupFails("'siret'", "centrale.auth.users.f.password={noop}f", "centrale.auth.users.f.roles=FOURNISSEUR");
	}

	@Test
	void rejectsMalformedSiren() {
		assertStartupFails("9-digit SIREN", "centrale.auth.users.a.password={noop}a", "centrale.auth.users.a.roles=AGENT",
				"centrale.auth.users.a.membre=2121");
	}

	@Test
	void rejectsPasswordWithoutEncodingPrefix() {
		assertStartupFails("encoding id", "centrale.auth.users.a.password=plain", "centrale.auth.users.a.roles=ADMIN");
	}

	@Test
	void rejectsUnknownRole() {
		assertStartupFails("Role.CHEF", "centrale.auth.users.a.password={noop}a", "centrale.auth.users.a.roles=CHEF");
	}

	@Test
	void rejectsDuplicateUsernames() {
		assertStartupFails("usernames must be unique", "centrale.auth.users.a.username=same",
				"centrale.auth.users.a.password={noop}a", "centrale.auth.users.a.roles=ADMIN",
				"centrale.auth.users.b.username=same", "centrale.auth.users.b.password={noop}b",
				"centrale.auth.users.b.roles=ADMIN");
	}

	@Test
	void rejectsPublicClientWithoutPkce() {
		assertStartupFails("must require PKCE", "centrale.auth.clients.web.grant-types=authorization_code",
				"centrale.auth.clients.web.redirect-uris=http://localhost/cb",
				"centrale.auth.clients.web.require-proof-key=false");
	}

	@Test
	void rejectsConfidentialMethodWithoutSecret() {
		assertStartupFails("either with a secret", "centrale.auth.clients.c.authentication-methods=client_secret_basic",
				"centrale.auth.clients.c.grant-types=client_credentials");
	}

	@Test
	void rejectsAuthorizationCodeClientWithoutRedirectUri() {
		assertStartupFails("redirect URI", "centrale.auth.clients.web.grant-types=authorization_code");
	}

	private void assertStartupFails(String expectedMessagePart, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(expectedMessagePart);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CentraleAuthProperties.class)
	static class PropertiesConfiguration {

	}

}
