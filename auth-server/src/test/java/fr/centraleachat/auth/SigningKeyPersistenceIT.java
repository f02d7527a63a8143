package fr.centraleachat.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restarts the server on the same data directory: the signing key, and so previously issued tokens,
 * must survive.
 */
class SigningKeyPersistenceIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dataDir;

	@Test
	void keepsSigningKeyAcrossRestarts() throws Exception {
		Path jwkFile = this.dataDir.resolve("auth/jwk.json");
		String firstKid;
		String token;
		try (ConfigurableApplicationContext first = start(jwkFile)) {
			firstKid = kid(base(first));
			token = clientCredentialsToken(base(first));
		}
		assertThat(jwkFile).isRegularFile();

		try (ConfigurableApplicationContext second = start(jwkFile)) {
			assertThat(kid(base(second))).isEqualTo(firstKid);
			// A token issued before the restart still verifies against the restarted server's keys.
			assertThat(NimbusJwtDecoder.withJwkSetUri(base(second) + "/oauth2/jwks").build().decode(token).getSubject())
				.isEqualTo("systeme-externe");
		}
		assertThat(Files.readString(jwkFile)).contains(firstKid);
	}

	private static ConfigurableApplicationContext start(Path jwkFile) {
		return new SpringApplicationBuilder(AuthServerApplication.class).profiles("demo")
			.run("--server.port=0", "--centrale.auth.jwk-path=" + jwkFile, "--spring.main.banner-mode=off");
	}

	private static URI base(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port);
	}

	private String kid(URI base) throws Exception {
		HttpResponse<String> jwks = this.http.send(HttpRequest.newBuilder(base.resolve("/oauth2/jwks")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(jwks.body()).get("keys").get(0).get("kid").asString();
	}

	private String clientCredentialsToken(URI base) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=systeme-externe"
					+ "&client_secret=systeme-externe-secret&scope=events:read"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

}
