package fr.centraleachat.auth.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.centraleachat.auth.user.ConfiguredUserDirectory;
import fr.centraleachat.auth.user.Role;
import fr.centraleachat.auth.user.UserAccount;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds the claims the business services authorize on: the API audience in {@code aud} (access tokens),
 * {@code roles}, and for users {@code preferred_username}, {@code membre} (agents) and {@code siret}
 * (suppliers).
 */
public class CentraleTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	public static final String ROLES = "roles";

	public static final String PREFERRED_USERNAME = "preferred_username";

	public static final String MEMBRE = "membre";

	public static final String SIRET = "siret";

	private final ConfiguredUserDirectory users;

	private final String audience;

	/**
	 * @param users configured accounts
	 * @param audience added to the {@code aud} of every access token, whatever the grant, so that the
	 * resource servers can refuse tokens issued for something else
	 */
	public CentraleTokenCustomizer(ConfiguredUserDirectory users, String audience) {
		this.users = users;
		this.audience = audience;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		JwtClaimsSet.Builder claims = context.getClaims();
		if (accessToken) {
			addAudience(claims);
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			// A machine acts under its scopes only; an explicit empty list keeps consumers uniform.
			claims.claim(ROLES, List.of());
			return;
		}
		String username = context.getPrincipal().getName();
		// A refresh may come after the account was removed from configuration: refuse rather than
		// issue a token for someone who no longer exists.
		UserAccount account = this.users.find(username)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "Unknown user", null)));
		claims.claim(ROLES, account.roles().stream().map(Role::name).toList());
		claims.claim(PREFERRED_USERNAME, account.username());
		if (account.membre() != null) {
			claims.claim(MEMBRE, account.membre());
		}
		if (account.siret() != null) {
			claims.claim(SIRET, account.siret());
		}
	}

	// Keeps the client id Spring Authorization Server puts in "aud": the ID token and introspection
	// rely on it.
	private void addAudience(JwtClaimsSet.Builder claims) {
		claims.claims((map) -> {
			Set<String> audiences = new LinkedHashSet<>();
			Object current = map.get(JwtClaimNames.AUD);
			if (current instanceof Collection<?> values) {
				values.forEach((value) -> audiences.add(String.valueOf(value)));
			}
			else if (current != null) {
				audiences.add(current.toString());
			}
			audiences.add(this.audience);
			map.put(JwtClaimNames.AUD, new ArrayList<>(audiences));
		});
	}

}
