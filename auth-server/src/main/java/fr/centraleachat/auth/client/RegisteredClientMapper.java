package fr.centraleachat.auth.client;

import java.time.Duration;

import fr.centraleachat.auth.config.CentraleAuthProperties.Client;
import fr.centraleachat.auth.config.CentraleAuthProperties.ClientAuthMethod;
import fr.centraleachat.auth.config.CentraleAuthProperties.GrantType;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns a configured client into a Spring Authorization Server {@link RegisteredClient}.
 */
public final class RegisteredClientMapper {

	/** Client setting: may introspect tokens. */
	public static final String INTROSPECTION_ALLOWED = "settings.client.centrale.introspection-allowed";

	/** Client setting: may revoke its tokens. */
	public static final String REVOCATION_ALLOWED = "settings.client.centrale.revocation-allowed";

	private RegisteredClientMapper() {
	}

	/** Whether a client was configured with {@code introspection: true}. */
	public static boolean mayIntrospect(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(INTROSPECTION_ALLOWED));
	}

	/** Whether a client was configured with {@code revocation: true}. */
	public static boolean mayRevoke(RegisteredClient client) {
		return Boolean.TRUE.equals(client.getClientSettings().getSetting(REVOCATION_ALLOWED));
	}

	public static RegisteredClient toRegisteredClient(Client client, Duration accessTokenTtl, Duration refreshTokenTtl) {
		// The client id doubles as registration id so that it is stable across restarts.
		RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientSecret(client.secret())
			.clientSettings(ClientSettings.builder()
				.requireProofKey(client.requireProofKey())
				.requireAuthorizationConsent(client.requireConsent())
				.setting(INTROSPECTION_ALLOWED, client.introspection())
				.setting(REVOCATION_ALLOWED, client.revocation())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(accessTokenTtl)
				.refreshTokenTimeToLive(refreshTokenTtl)
				.reuseRefreshTokens(false)
				.build());
		client.authenticationMethods().forEach((method) -> builder.clientAuthenticationMethod(map(method)));
		client.grantTypes().forEach((grant) -> builder.authorizationGrantType(map(grant)));
		client.redirectUris().forEach(builder::redirectUri);
		client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
		client.scopes().forEach(builder::scope);
		return builder.build();
	}

	static ClientAuthenticationMethod map(ClientAuthMethod method) {
		return switch (method) {
			case NONE -> ClientAuthenticationMethod.NONE;
			case CLIENT_SECRET_BASIC -> ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
			case CLIENT_SECRET_POST -> ClientAuthenticationMethod.CLIENT_SECRET_POST;
		};
	}

	static AuthorizationGrantType map(GrantType grant) {
		return switch (grant) {
			case AUTHORIZATION_CODE -> AuthorizationGrantType.AUTHORIZATION_CODE;
			case REFRESH_TOKEN -> AuthorizationGrantType.REFRESH_TOKEN;
			case CLIENT_CREDENTIALS -> AuthorizationGrantType.CLIENT_CREDENTIALS;
		};
	}

}
