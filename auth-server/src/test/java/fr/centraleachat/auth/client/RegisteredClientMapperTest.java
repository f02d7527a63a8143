package fr.centraleachat.auth.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import fr.centraleachat.auth.config.CentraleAuthProperties.Client;
import fr.centraleachat.auth.config.CentraleAuthProperties.ClientAuthMethod;
import fr.centraleachat.auth.config.CentraleAuthProperties.GrantType;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredClientMapperTest {

	@Test
	void mapsPublicClientWithPkceAndNoSecret() {
		Client web = new Client("centrale-web", null, null,
				Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), List.of("http://localhost:8080/callback"),
				null, Set.of("openid", "profile"), true, false, false, false);

		RegisteredClient client = RegisteredClientMapper.toRegisteredClient(web, Duration.ofMinutes(15),
				Duration.ofHours(8));

		assertThat(client.getClientSecret()).isNull();
		assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(client.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
				AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
		assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
		assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isFalse();
		assertThat(client.getRedirectUris()).containsExactly("http://localhost:8080/callback");
		assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(RegisteredClientMapper.mayIntrospect(client)).isFalse();
		assertThat(RegisteredClientMapper.mayRevoke(client)).isFalse();
	}

	@Test
	void appliesConfiguredTokenLifetimesAsSelfContainedJwt() {
		Client batch = new Client("systeme-externe", "{noop}secret",
				Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST),
				Set.of(GrantType.CLIENT_CREDENTIALS), null, null, Set.of("events:read"), true, false, true, false);

		RegisteredClient client = RegisteredClientMapper.toRegisteredClient(batch, Duration.ofMinutes(5),
				Duration.ofHours(1));

		assertThat(client.getId()).isEqualTo("systeme-externe");
		assertThat(client.getClientSecret()).isEqualTo("{noop}secret");
		assertThat(client.getTokenSettings().getAccessTokenFormat()).isEqualTo(OAuth2TokenFormat.SELF_CONTAINED);
		assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(5));
		assertThat(client.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(RegisteredClientMapper.mayIntrospect(client)).isTrue();
		assertThat(RegisteredClientMapper.mayRevoke(client)).isFalse();
	}

}
