package fr.centraleachat.auth.token;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import fr.centraleachat.auth.AuthorizationCodeLogin;
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

/**
 * Who may introspect and revoke tokens, and the API audience in the access tokens of every grant.
 * Two clients are added to the demo ones: {@code inspecteur} (allowed to introspect and revoke) and
 * {@code portail}, a confidential web client that gets refresh tokens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "centrale.auth.jwk-path=target/test-data/token-access-it/jwk.json",
				"centrale.auth.clients.inspecteur.secret={noop}inspecteur-secret",
				"centrale.auth.clients.inspecteur.grant-types=client_credentials",
				"centrale.auth.clients.inspecteur.scopes=data:read",
				"centrale.auth.clients.inspecteur.introspection=true",
				"centrale.auth.clients.inspecteur.revocation=true",
				"centrale.auth.clients.portail.secret={noop}portail-secret",
				"centrale.auth.clients.portail.authentication-methods=client_secret_post",
				"centrale.auth.clients.portail.grant-types=authorization_code,refresh_token",
				"centrale.auth.clients.portail.redirect-uris=" + TokenAccessIT.REDIRECT_URI,
				"centrale.auth.clients.portail.scopes=openid,profile" })
@ActiveProfiles("demo")
class TokenAccessIT {

	static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private URI base;

	private JwtDecoder decoder;

	@BeforeEach
	void setUp() {
		this.base = URI.create("http://localhost:" + this.port);
		this.decoder = NimbusJwtDecoder.withJwkSetUri(this.base + "/oauth2/jwks").build();
	}

	@Test
	void refusesIntrospectionToClientsNotAllowedToIntrospect() throws Exception {
		String token = clientToken("systeme-externe", "systeme-externe-secret", "events:read");

		HttpResponse<String> asItself = post("/oauth2/introspect", basic("systeme-externe", "systeme-externe-secret"),
				"token=" + token);
		HttpResponse<String> anonymous = post("/oauth2/introspect", null, "token=" + token);
		HttpResponse<String> publicClient = post("/oauth2/introspect", null, "client_id=centrale-web&token=" + token);

		assertThat(asItself.statusCode()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(publicClient.statusCode()).isIn(401, 403);
		assertThat(asItself.body() + anonymous.body() + publicClient.body()).doesNotContain("\"active\"");
	}

	@Test
	void introspectsForAnAllowedClient() throws Exception {
		String token = clientToken("systeme-externe", "systeme-externe-secret", "events:read");

		HttpResponse<String> response = post("/oauth2/introspect", basic("inspecteur", "inspecteur-secret"),
				"token=" + token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.get("active").asBoolean()).isTrue();
		assertThat(body.get("client_id").asString()).isEqualTo("systeme-externe");
	}

	@Test
	void refusesRevocationToClientsNotAllowedToRevoke() throws Exception {
		String token = clientToken("systeme-externe", "systeme-externe-secret", "events:read");

		HttpResponse<String> revoke = post("/oauth2/revoke", basic("systeme-externe", "systeme-externe-secret"),
				"token=" + token);

		assertThat(revoke.statusCode()).isEqualTo(403);
		HttpResponse<String> check = post("/oauth2/introspect", basic("inspecteur", "inspecteur-secret"),
				"token=" + token);
		assertThat(JSON.readTree(check.body()).get("active").asBoolean()).as("still active").isTrue();
	}

	@Test
	void revokesForAnAllowedClient() throws Exception {
		String token = clientToken("inspecteur", "inspecteur-secret", "data:read");

		HttpResponse<String> revoke = post("/oauth2/revoke", basic("inspecteur", "inspecteur-secret"),
				"token=" + token);

		assertThat(revoke.statusCode()).isEqualTo(200);
		HttpResponse<String> check = post("/oauth2/introspect", basic("inspecteur", "inspecteur-secret"),
				"token=" + token);
		assertThat(JSON.readTree(check.body()).get("active").asBoolean()).isFalse();
	}

	@Test
	void putsTheApiAudienceInClientCredentialsTokens() throws Exception {
		Jwt jwt = this.decoder.decode(clientToken("systeme-externe", "systeme-externe-secret", "events:read"));

		assertThat(jwt.getAudience()).containsExactlyInAnyOrder("systeme-externe", "centrale-api");
	}

	@Test
	void putsTheApiAudienceInAuthorizationCodeAndRefreshedTokens() throws Exception {
		AuthorizationCode code = new AuthorizationCodeLogin(this.base, "portail", REDIRECT_URI, "openid profile")
			.login("acheteur", "acheteur")
			.orElseThrow();
		HttpResponse<String> exchanged = post("/oauth2/token", null,
				"grant_type=authorization_code&client_id=portail&client_secret=portail-secret&code=" + code.code()
						+ "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + code.codeVerifier());
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		JsonNode tokens = JSON.readTree(exchanged.body());
		Jwt first = this.decoder.decode(tokens.get("access_token").asString());

		HttpResponse<String> refreshed = post("/oauth2/token", null,
				"grant_type=refresh_token&client_id=portail&client_secret=portail-secret&refresh_token="
						+ encode(tokens.get("refresh_token").asString()));
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		Jwt second = this.decoder.decode(JSON.readTree(refreshed.body()).get("access_token").asString());
		Jwt idToken = this.decoder.decode(tokens.get("id_token").asString());

		assertThat(first.getAudience()).containsExactlyInAnyOrder("portail", "centrale-api");
		assertThat(second.getAudience()).containsExactlyInAnyOrder("portail", "centrale-api");
		assertThat(second.getClaimAsStringList("roles")).containsExactly("ACHETEUR");
		assertThat(idToken.getAudience()).as("the ID token is for the client only").containsExactly("portail");
	}

	private String clientToken(String clientId, String secret, String scope) throws Exception {
		HttpResponse<String> response = post("/oauth2/token", basic(clientId, secret),
				"grant_type=client_credentials&scope=" + encode(scope));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> post(String path, String authorization, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
