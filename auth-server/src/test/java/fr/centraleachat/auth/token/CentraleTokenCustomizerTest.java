package fr.centraleachat.auth.token;

import java.util.List;

import fr.centraleachat.auth.user.ConfiguredUserDirectory;
import fr.centraleachat.auth.user.Role;
import fr.centraleachat.auth.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CentraleTokenCustomizerTest {

	private final CentraleTokenCustomizer customizer = new CentraleTokenCustomizer(new ConfiguredUserDirectory(List.of(
			new UserAccount("agent.dijon", "{noop}x", List.of(Role.AGENT), "212102313", null),
			new UserAccount("fournisseur", "{noop}x", List.of(Role.FOURNISSEUR), null, "73282932000074"),
			new UserAccount("admin", "{noop}x", List.of(Role.ADMIN), null, null))), "centrale-api");

	@Test
	void issuesAgentTokenWithMembreClaim() {
		JwtClaimsSet claims = customize("agent.dijon", AuthorizationGrantType.AUTHORIZATION_CODE,
				OAuth2TokenType.ACCESS_TOKEN);

		assertThat(claims.getClaimAsStringList("roles")).containsExactly("AGENT");
		assertThat(claims.getClaimAsString("membre")).isEqualTo("212102313");
		assertThat(claims.getClaimAsString("preferred_username")).isEqualTo("agent.dijon");
		assertThat(claims.hasClaim("siret")).isFalse();
	}

	@Test
	void issuesSupplierTokenWithSiretClaim() {
		JwtClaimsSet claims = customize("fournisseur", AuthorizationGrantType.REFRESH_TOKEN,
				OAuth2TokenType.ACCESS_TOKEN);

		assertThat(claims.getClaimAsStringList("roles")).containsExactly("FOURNISSEUR");
		assertThat(claims.getClaimAsString("siret")).isEqualTo("73282932000074");
		assertThat(claims.hasClaim("membre")).isFalse();
	}

	@Test
	void addsUserClaimsToIdToken() {
		JwtClaimsSet claims = customize("admin", AuthorizationGrantType.AUTHORIZATION_CODE,
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN));

		assertThat(claims.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(claims.getClaimAsString("preferred_username")).isEqualTo("admin");
	}

	@Test
	void givesClientCredentialsTokenEmptyRoles() {
		JwtClaimsSet claims = customize("systeme-externe", AuthorizationGrantType.CLIENT_CREDENTIALS,
				OAuth2TokenType.ACCESS_TOKEN);

		assertThat(claims.getClaimAsStringList("roles")).isEmpty();
		assertThat(claims.hasClaim("preferred_username")).isFalse();
	}

	@Test
	void addsApiAudienceToAccessTokensOfEveryGrantKeepingTheClientId() {
		for (AuthorizationGrantType grant : List.of(AuthorizationGrantType.AUTHORIZATION_CODE,
				AuthorizationGrantType.REFRESH_TOKEN, AuthorizationGrantType.CLIENT_CREDENTIALS)) {
			JwtClaimsSet claims = customize("admin", grant, OAuth2TokenType.ACCESS_TOKEN);

			assertThat(claims.getAudience()).as(grant.getValue()).containsExactly("centrale-web", "centrale-api");
		}
	}

	@Test
	void leavesIdTokenAudienceToTheClient() {
		JwtClaimsSet claims = customize("admin", AuthorizationGrantType.AUTHORIZATION_CODE,
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN));

		assertThat(claims.getAudience()).containsExactly("centrale-web");
	}

	@Test
	void refusesTokenForUserNoLongerConfigured() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> customize("removed", AuthorizationGrantType.REFRESH_TOKEN, OAuth2TokenType.ACCESS_TOKEN))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_grant"));
	}

	private JwtClaimsSet customize(String principal, AuthorizationGrantType grant, OAuth2TokenType tokenType) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.subject(principal)
			.audience(List.of("centrale-web"));
		Authentication authentication = new TestingAuthenticationToken(principal, null);
		JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
			.principal(authentication)
			.authorizationGrantType(grant)
			.tokenType(tokenType)
			.build();
		this.customizer.customize(context);
		return claims.build();
	}

}
