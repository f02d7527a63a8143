package fr.centraleachat.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import fr.centraleachat.auth.AuthorizationCodeLogin.AuthorizationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "centrale.auth.jwk-path=target/test-data/authorization-server-it/jwk.json",
				"spring.security.oauth2.authorizationserver.issuer=" + AuthorizationServerIT.ISSUER })
@ActiveProfiles("demo")
class AuthorizationServerIT {

	static final String ISSUER = "http://auth.centrale.test:9000";

	private static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private URI base;

	private AuthorizationCodeLogin web;

	private JwtDecoder decoder;

	@BeforeEach
	void setUp() {
		this.base = URI.create("http://localhost:" + this.port);
		this.web = new AuthorizationCodeLogin(this.base, "centrale-web", REDIRECT_URI, "openid profile");
		// Verifies signatures against the published key set, as the resource servers do.
		this.decoder = NimbusJwtDecoder.withJwkSetUri(this.base + "/oauth2/jwks").build();
	}

	@Test
	void issuesAgentTokenWithMembreClaim() throws Exception {
		Map<String, Object> tokens = this.web.tokensFor("agent.dijon", "agent.dijon");

		assertThat(tokens).containsEntry("token_type", "Bearer").containsKey("id_token");
		Jwt jwt = this.decoder.decode((String) tokens.get("access_token"));
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
		assertThat(jwt.getSubject()).isEqualTo("agent.dijon");
		assertThat(jwt.getIssuer()).hasToString(ISSUER);
		assertThat(jwt.getAudience()).containsExactly("centrale-web", "centrale-api");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AGENT");
		assertThat(jwt.getClaimAsString("membre")).isEqualTo("212102313");
		assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("agent.dijon");
		assertThat(jwt.hasClaim("siret")).isFalse();
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void issuesTokensForEachAgentWithItsOwnMembre() throws Exception {
		Jwt jwt = accessTokenOf("agent.talant");

		assertThat(jwt.getClaimAsString("membre")).isEqualTo("212106173");
	}

	@Test
	void issuesSupplierTokenWithSiretClaim() throws Exception {
		Jwt jwt = accessTokenOf("fournisseur");

		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("FOURNISSEUR");
		assertThat(jwt.getClaimAsString("siret")).isEqualTo("73282932000074");
		assertThat(jwt.hasClaim("membre")).isFalse();
		// A second supplier, so that plis of competitors can be tried.
		assertThat(accessTokenOf("fournisseur2").getClaimAsString("siret")).isEqualTo("55210055400013");
	}

	@Test
	void issuesBuyerAndAdminTokensWithRolesOnly() throws Exception {
		Jwt buyer = accessTokenOf("acheteur");
		Jwt admin = accessTokenOf("admin");

		assertThat(buyer.getClaimAsStringList("roles")).containsExactly("ACHETEUR");
		assertThat(admin.getClaimAsStringList("roles")).containsExactly("ADMIN");
		assertThat(buyer.hasClaim("membre") || buyer.hasClaim("siret")).isFalse();
	}

	@Test
	void putsUserClaimsInIdTokenToo() throws Exception {
		Map<String, Object> tokens = this.web.tokensFor("agent.dijon", "agent.dijon");

		Jwt idToken = this.decoder.decode((String) tokens.get("id_token"));
		assertThat(idToken.getClaimAsStringList("roles")).containsExactly("AGENT");
		assertThat(idToken.getClaimAsString("preferred_username")).isEqualTo("agent.dijon");
	}

	@Test
	void issuesNoRefreshTokenToPublicClient() throws Exception {
		// Spring Authorization Server never gives refresh tokens to public clients: a browser cannot keep
		// them safe. The web client gets a new access token by running the flow again on its session.
		Map<String, Object> tokens = this.web.tokensFor("acheteur", "acheteur");

		assertThat(tokens).containsKey("access_token").doesNotContainKey("refresh_token");
	}

	@Test
	void refusesCodeForWrongPassword() throws Exception {
		assertThat(this.web.login("agent.dijon", "not-the-password")).isEmpty();
		assertThat(this.web.login("nobody", "nobody")).isEmpty();
	}

	@Test
	void refusesCodeExchangeWithWrongVerifier() throws Exception {
		AuthorizationCode code = this.web.login("acheteur", "acheteur").orElseThrow();

		HttpResponse<String> response = this.web.exchange(new AuthorizationCode(code.code(), "wrong-verifier-"
				+ "x".repeat(40)));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant");
	}

	@Test
	void refusesSecondUseOfSameCode() throws Exception {
		AuthorizationCode code = this.web.login("acheteur", "acheteur").orElseThrow();

		assertThat(this.web.exchange(code).statusCode()).isEqualTo(200);
		assertThat(this.web.exchange(code).statusCode()).isEqualTo(400);
	}

	@Test
	void refusesAuthorizationRequestWithoutPkce() throws Exception {
		URI authorize = this.base.resolve("/oauth2/authorize?response_type=code&client_id=centrale-web"
				+ "&scope=openid&redirect_uri=" + REDIRECT_URI);

		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(authorize).build(),
				HttpResponse.BodyHandlers.ofString());

		// Invalid requests fail before login; the error goes back to the client, never a code.
		assertThat(response.statusCode()).isIn(302, 400);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("code=")
			.doesNotContain("/login");
	}

	@Test
	void issuesClientCredentialsTokenWithScopeAndNoRoles() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Authorization", basic("systeme-externe", "systeme-externe-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=events:read"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("scope").asString()).isEqualTo("events:read");
		Jwt jwt = this.decoder.decode(body.get("access_token").asString());
		assertThat(jwt.getSubject()).isEqualTo("systeme-externe");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("events:read");
		assertThat(jwt.getClaimAsStringList("roles")).isEmpty();
		assertThat(jwt.hasClaim("preferred_username")).isFalse();
	}

	@Test
	void acceptsClientSecretInRequestBody() throws Exception {
		HttpResponse<String> response = postToken("grant_type=client_credentials&client_id=systeme-externe"
				+ "&client_secret=systeme-externe-secret&scope=data:read");

		assertThat(response.statusCode()).isEqualTo(200);
		Jwt jwt = this.decoder.decode(JSON.readTree(response.body()).get("access_token").asString());
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("data:read");
	}

	@Test
	void refusesClientCredentialsWithWrongSecret() throws Exception {
		HttpResponse<String> response = postToken(
				"grant_type=client_credentials&client_id=systeme-externe&client_secret=wrong");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void refusesClientCredentialsForPublicClient() throws Exception {
		HttpResponse<String> response = postToken("grant_type=client_credentials&client_id=centrale-web");

		assertThat(response.statusCode()).isIn(400, 401);
	}

	@Test
	void servesDiscoveryAndKeysWithoutAuthentication() throws Exception {
		HttpResponse<String> discovery = getAnonymous("/.well-known/openid-configuration");
		HttpResponse<String> jwks = getAnonymous("/oauth2/jwks");

		assertThat(discovery.statusCode()).isEqualTo(200);
		JsonNode metadata = JSON.readTree(discovery.body());
		assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(metadata.get("jwks_uri").asString()).endsWith("/oauth2/jwks");
		assertThat(jwks.statusCode()).isEqualTo(200);
		JsonNode key = JSON.readTree(jwks.body()).get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.get("alg").asString()).isEqualTo("RS256");
		// Only the public half is published.
		assertThat(key.has("d")).isFalse();
	}

	@Test
	void servesUserInfoForUserToken() throws Exception {
		String accessToken = (String) this.web.tokensFor("fournisseur", "fournisseur").get("access_token");

		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve("/userinfo"))
			.header("Authorization", "Bearer " + accessToken)
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("sub").asString()).isEqualTo("fournisseur");
	}

	@Test
	void givesAnonymousCallersTheHealthStatusOnly() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> health = getAnonymous(path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			JsonNode body = JSON.readTree(health.body());
			assertThat(body.get("status").asString()).isEqualTo("UP");
			assertThat(body.has("components") || body.has("details")).as(path + ": " + health.body()).isFalse();
		}
	}

	@Test
	void keepsMetricsAndPrometheusForOperators() throws Exception {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info",
				"/actuator/metrics/jvm.memory.used" }) {
			HttpResponse<String> anonymous = getAnonymous(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.body()).doesNotContain("jvm");
		}
		String machine = clientToken("systeme-externe", "systeme-externe-secret", "events:read");
		assertThat(getWithToken("/actuator/prometheus", machine).statusCode()).as("no operations scope").isEqualTo(403);

		String operator = clientToken("supervision", "supervision-secret", "operations");
		HttpResponse<String> prometheus = getWithToken("/actuator/prometheus", operator);
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		HttpResponse<String> health = getWithToken("/actuator/health", operator);
		assertThat(JSON.readTree(health.body()).has("components")).as(health.body()).isTrue();
	}

	@Test
	void keepsOtherActuatorEndpointsClosed() throws Exception {
		assertThat(getAnonymous("/actuator/env").statusCode()).isIn(302, 401, 404);
		assertThat(getAnonymous("/actuator/env").body()).doesNotContain("propertySources");
	}

	private String clientToken(String clientId, String secret, String scope) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> getWithToken(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Jwt accessTokenOf(String username) throws Exception {
		return this.decoder.decode((String) this.web.tokensFor(username, username).get("access_token"));
	}

	private HttpResponse<String> getAnonymous(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postToken(String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
