package fr.centraleachat.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RateLimitIT {

	private static final StubBackend stub = StubBackend.get();

	@DynamicPropertySource
	static void smallBuckets(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> stub.baseUrl() + "/oauth2/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("centrale.routes.adhesion-uri", stub::baseUrl);
		registry.add("centrale.routes.marche-uri", stub::baseUrl);
		registry.add("centrale.routes.catalogue-uri", stub::baseUrl);
		registry.add("centrale.rate-limit.capacity", () -> "3");
		// One token every two seconds: the refusal must announce a two-second wait.
		registry.add("centrale.rate-limit.refill-per-second", () -> "0.5");
	}

	@Autowired
	private WebTestClient client;

	@Test
	void eachUserHasItsOwnBucket() {
		String carol = TestTokens.forSubject("carol");
		for (int i = 0; i < 3; i++) {
			client.get().uri("/api/adhesion/adhesions").headers(h -> h.setBearerAuth(carol)).exchange()
				.expectStatus().isOk();
		}
		client.get()
			.uri("/api/adhesion/adhesions")
			.headers(h -> h.setBearerAuth(carol))
			.header("X-Correlation-Id", "flood-1")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
			.expectHeader().valueEquals("X-Correlation-Id", "flood-1")
			.expectBody()
			.jsonPath("$.title").isEqualTo("Trop de requêtes")
			.jsonPath("$.status").isEqualTo(429)
			.jsonPath("$.instance").isEqualTo("/api/adhesion/adhesions");

		// Another user is not affected by carol's flood.
		client.get()
			.uri("/api/adhesion/adhesions")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("dave")))
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void anonymousClientsAreLimitedByAddressButProbesAreNot() {
		for (int i = 0; i < 3; i++) {
			client.get().uri("/api/catalogue/v3/api-docs").exchange().expectStatus().isOk();
		}
		client.get()
			.uri("/api/catalogue/v3/api-docs")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
		for (int i = 0; i < 5; i++) {
			client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		}
	}

}
