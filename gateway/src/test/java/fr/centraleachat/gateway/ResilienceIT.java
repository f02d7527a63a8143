package fr.centraleachat.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long clients wait when a service is dead or hangs, with the default circuit breaker settings
 * (only the time limit is shortened to keep the test short).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ResilienceIT {

	private static final StubBackend stub = StubBackend.get();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> stub.baseUrl() + "/oauth2/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("centrale.routes.adhesion-uri", () -> "http://127.0.0.1:" + StubBackend.closedPort());
		registry.add("centrale.routes.marche-uri", stub::baseUrl);
		registry.add("centrale.routes.catalogue-uri", stub::baseUrl);
		registry.add("centrale.resilience.timeout", () -> "1s");
		registry.add("centrale.rate-limit.capacity", () -> "10000");
	}

	@Autowired
	private WebTestClient client;

	private long timedGetMillis(String path, HttpStatus expected) {
		long start = System.nanoTime();
		client.mutate().responseTimeout(Duration.ofSeconds(10)).build().get()
			.uri(path)
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.exchange()
			.expectStatus().isEqualTo(expected)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	private void warmUp() {
		// Key set fetch and first-request initialisation are not what is measured.
		client.get().uri("/api/catalogue/ok").headers(h -> h.setBearerAuth(TestTokens.forSubject("alice"))).exchange()
			.expectStatus().isOk();
	}

	@Test
	void deadServiceAnswers503WithinASecondFromTheFirstRequest() {
		warmUp();
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			millis.add(timedGetMillis("/api/adhesion/adherents", HttpStatus.SERVICE_UNAVAILABLE));
		}
		System.out.println("dead service, ms per request: " + millis);
		assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
	}

	@Test
	void hangingServiceOpensTheCircuitAfterAFewCalls() {
		warmUp();
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			millis.add(timedGetMillis("/api/marche/lent", HttpStatus.SERVICE_UNAVAILABLE));
		}
		System.out.println("hanging service, ms per request: " + millis);
		// The first calls wait the time limit; once the minimum number of calls failed, the open circuit
		// answers at once.
		assertThat(millis.subList(0, 4)).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(950));
		assertThat(millis.subList(4, 10)).allSatisfy(ms -> assertThat(ms).isLessThan(500));
	}

}
