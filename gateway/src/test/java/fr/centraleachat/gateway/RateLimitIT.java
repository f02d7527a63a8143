package fr.centraleachat.gateway;

import java.util.List;
import java.util.stream.IntStream;

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

import static org.assertj.core.api.Assertions.assertThat;

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
		// The test client plays a trusted proxy, so that each test is a distinct client address.
		registry.add("centrale.rate-limit.trusted-proxies", () -> "127.0.0.1,::1");
	}

	@Autowired
	private WebTestClient client;

	private WebTestClient from(String address) {
		return client.mutate().defaultHeader("X-Forwarded-For", address).build();
	}

	@Test
	void eachUserHasItsOwnBucket() {
		String carol = TestTokens.forSubject("carol");
		WebTestClient client = from("198.51.100.1");
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
		from("198.51.100.9").get()
			.uri("/api/adhesion/adhesions")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("dave")))
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void anonymousClientsAreLimitedByAddressButProbesAreNot() {
		WebTestClient client = from("198.51.100.2");
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


	@Test
	void anonymousBurstGets429AfterTheBucketNotOnly401() {
		WebTestClient client = from("198.51.100.3");
		int unauthorized = 0;
		int tooMany = 0;
		for (int i = 0; i < 20; i++) {
			HttpStatus status = HttpStatus.valueOf(client.get().uri("/api/adhesion/adhesions").exchange()
				.returnResult(String.class).getStatus().value());
			unauthorized += (status == HttpStatus.UNAUTHORIZED) ? 1 : 0;
			tooMany += (status == HttpStatus.TOO_MANY_REQUESTS) ? 1 : 0;
		}
		// Three in the burst (a fourth if the test is slow enough for a refill), then refused.
		assertThat(unauthorized).isBetween(3, 4);
		assertThat(tooMany).isEqualTo(20 - unauthorized);
		client.get().uri("/api/adhesion/adhesions").exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists("X-Correlation-Id")
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:centrale-achat:probleme:trop-de-requetes")
			.jsonPath("$.correlationId").exists();
		// Another address is not affected.
		from("198.51.100.4").get().uri("/api/adhesion/adhesions").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void badTokensAreLimitedByAddressEvenWhenEachIsDifferent() {
		WebTestClient client = from("198.51.100.5");
		List<String> forgedTokens = IntStream.range(0, 10).mapToObj(i -> TestTokens.signedByForeignKey("mallory-" + i))
			.toList();
		int tooMany = 0;
		for (String forged : forgedTokens) {
			int status = client.get().uri("/api/adhesion/adhesions").headers(h -> h.setBearerAuth(forged)).exchange()
				.returnResult(String.class).getStatus().value();
			assertThat(status).isIn(401, 429);
			tooMany += (status == 429) ? 1 : 0;
		}
		assertThat(tooMany).isBetween(6, 7);
	}

	@Test
	void knownValidTokenIsNotHeldBackByItsAddressBucket() {
		String erin = TestTokens.forSubject("erin");
		WebTestClient client = from("198.51.100.6");
		client.get().uri("/api/adhesion/adhesions").headers(h -> h.setBearerAuth(erin)).exchange()
			.expectStatus().isOk();
		// The address bucket is emptied by anonymous calls...
		for (int i = 0; i < 3; i++) {
			client.get().uri("/api/adhesion/adhesions").exchange();
		}
		client.get().uri("/api/adhesion/adhesions").exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// ...but erin's verified token is limited by its own bucket only.
		client.get().uri("/api/adhesion/adhesions").headers(h -> h.setBearerAuth(erin)).exchange()
			.expectStatus().isOk();
	}

}
