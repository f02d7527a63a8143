package fr.centraleachat.gateway;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

	private static final Pattern UUID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final StubBackend stub = StubBackend.get();

	@DynamicPropertySource
	static void routesToStub(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> stub.baseUrl() + "/oauth2/jwks");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
		registry.add("centrale.routes.adhesion-uri", stub::baseUrl);
		registry.add("centrale.routes.marche-uri", stub::baseUrl);
		// Nothing listens there: catalogue-service is "down".
		registry.add("centrale.routes.catalogue-uri", () -> "http://127.0.0.1:" + StubBackend.closedPort());
		registry.add("centrale.resilience.timeouts.marche", () -> "1500ms");
		registry.add("centrale.resilience.write-timeouts.marche", () -> "1s");
		registry.add("centrale.routes.max-body-sizes.marche", () -> "3MB");
		registry.add("centrale.public-url", () -> "https://centrale.example");
		registry.add("centrale.rate-limit.capacity", () -> "10000");
	}

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	private static final String TYPE = "urn:centrale-achat:probleme:";

	private WebTestClient patientClient() {
		return client.mutate().responseTimeout(Duration.ofSeconds(15)).build();
	}

	@Test
	void requestWithoutTokenIsRejectedWithFrenchProblem() {
		client.get()
			.uri("/api/adhesion/sans-jeton")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader().valueMatches("X-Correlation-Id", UUID.pattern())
			.expectBody()
			.jsonPath("$.title").isEqualTo("Authentification requise")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("jeton d'accès"))
			.jsonPath("$.instance").isEqualTo("/api/adhesion/sans-jeton");
		assertThat(stub.hits("GET", "/api/adhesion/sans-jeton")).isZero();
	}

	@Test
	void declaredPublicReadsReachTheServiceWithoutTokenButNothingElseDoes() {
		client.get()
			.uri("/api/marche/consultations/c-1/documents/2")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.path").isEqualTo("/api/marche/consultations/c-1/documents/2");
		client.get().uri("/api/marche/consultations/c-1").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/marche/consultations/c-1/documents/2/autre").exchange().expectStatus().isUnauthorized();
		client.post().uri("/api/marche/consultations/c-1/questions").exchange().expectStatus().isUnauthorized();
		client.get()
			.uri("/api/marche/consultations/c-1/questions")
			.headers(h -> h.setBearerAuth(TestTokens.withIssuer("http://evil.test", "alice")))
			.exchange()
			.expectStatus().isUnauthorized();
		assertThat(stub.hits("GET", "/api/marche/consultations/c-1")).isZero();
	}

	@Test
	void tokensFromAnotherIssuerOrKeyAreRejected() {
		for (String token : List.of(TestTokens.withIssuer("http://evil.test", "alice"),
				TestTokens.signedByForeignKey("alice"), "not-a-jwt")) {
			client.get()
				.uri("/api/adhesion/adhesions")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
				.expectBody()
				.jsonPath("$.title").isEqualTo("Authentification requise");
		}
	}

	@Test
	void unreachableAuthServerGives503NotUnauthorized() {
		// Warm the key cache, then make the next key fetch fail.
		client.get().uri("/api/adhesion/adhesions").headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.exchange().expectStatus().isOk();
		stub.keySetAvailable(false);
		try {
			client.get()
				.uri("/api/adhesion/adhesions")
				.headers(h -> h.setBearerAuth(TestTokens.signedByRotatedKey("alice")))
				.header("X-Correlation-Id", "jwks-down")
				.exchange()
				.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader().exists(HttpHeaders.RETRY_AFTER)
				.expectHeader().valueEquals("X-Correlation-Id", "jwks-down")
				.expectBody()
				.jsonPath("$.title").isEqualTo("Service d'authentification indisponible");
		}
		finally {
			stub.keySetAvailable(true);
		}
	}

	@Test
	void validTokenIsRoutedUnchangedWithAuthorizationAndCorrelationId() {
		String token = TestTokens.forSubject("alice");
		EntityExchangeResult<byte[]> result = client.get()
			.uri("/api/adhesion/adhesions?page=0")
			.headers(h -> h.setBearerAuth(token))
			.header("X-Correlation-Id", "demo-42.a_b")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.path").isEqualTo("/api/adhesion/adhesions")
			.jsonPath("$.authorization").isEqualTo("Bearer " + token)
			.jsonPath("$.correlationId").isEqualTo("demo-42.a_b")
			.returnResult();
		// Echoed once, although the service sends it back as well.
		assertThat(result.getResponseHeaders().get("X-Correlation-Id")).containsExactly("demo-42.a_b");
	}

	@Test
	void oneAccessLineCarriesMethodPathStatusDurationAndCorrelationId(CapturedOutput output) {
		client.get()
			.uri("/api/adhesion/journal")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.header("X-Correlation-Id", "journal-7")
			.exchange()
			.expectStatus().isOk();
		// Written when the exchange completes, possibly just after the client got the response.
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(output.getOut().lines()
			.filter(line -> line.contains("journal-7") && line.contains("GET /api/adhesion/journal 200 ")))
			.singleElement()
			.satisfies(line -> assertThat(line).containsPattern(" \\d+ms")));
	}

	@Test
	void unsafeCorrelationIdIsReplaced() {
		EntityExchangeResult<byte[]> result = client.get()
			.uri("/api/marche/consultations")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.header("X-Correlation-Id", "bad id\"<script>")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.returnResult();
		String echoed = result.getResponseHeaders().getFirst("X-Correlation-Id");
		assertThat(echoed).matches(UUID);
		assertThat(stub.lastHeader("/api/marche/consultations", "X-Correlation-Id")).isEqualTo(echoed);
	}

	@Test
	void deadServiceAnswers503Quickly() {
		for (String method : List.of("GET", "POST")) {
			long start = System.nanoTime();
			client.method(org.springframework.http.HttpMethod.valueOf(method))
				.uri("/api/catalogue/produits")
				.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
				.header("X-Correlation-Id", "down-" + method)
				.exchange()
				.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
				.expectHeader().valueEquals("X-Correlation-Id", "down-" + method)
				.expectBody()
				.jsonPath("$.type").isEqualTo(TYPE + "service-indisponible")
				.jsonPath("$.title").isEqualTo("Service momentanément indisponible")
				.jsonPath("$.status").isEqualTo(503)
				.jsonPath("$.correlationId").isEqualTo("down-" + method)
				.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("catalogue-service"))
				.jsonPath("$.instance").isEqualTo("/api/catalogue/produits");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
	}

	@Test
	void hangingServiceAnswers503WithinTimeLimit() {
		long start = System.nanoTime();
		patientClient().get()
			.uri("/api/marche/lent")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("marche-service"));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1400)).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void getIsRetriedOnUnavailableButPostIsNot() {
		String token = TestTokens.forSubject("alice");
		client.get()
			.uri("/api/marche/get/indisponible")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(stub.hits("GET", "/api/marche/get/indisponible")).isEqualTo(3);

		client.post()
			.uri("/api/marche/post/indisponible")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"objet\":\"fournitures\"}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(stub.hits("POST", "/api/marche/post/indisponible")).isEqualTo(1);
	}

	@Test
	void apiDocsAreRewrittenAndPublic() {
		client.get()
			.uri("/api/adhesion/v3/api-docs")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.openapi").isEqualTo("3.1.0");
		assertThat(stub.hits("GET", "/v3/api-docs")).isPositive();
	}

	@Test
	void swaggerUiListsTheThreeServices() {
		client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.urls[?(@.name == 'adhesion')].url").isEqualTo("/api/adhesion/v3/api-docs")
			.jsonPath("$.urls[?(@.name == 'marche')].url").isEqualTo("/api/marche/v3/api-docs")
			.jsonPath("$.urls[?(@.name == 'catalogue')].url").isEqualTo("/api/catalogue/v3/api-docs");
	}

	@Test
	void operationalEndpoints() {
		client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		client.get()
			.uri("/actuator/prometheus")
			.headers(h -> h.setBearerAuth(TestTokens.withRoles("admin", "ADMIN")))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("resilience4j_circuitbreaker_state"));
		client.get()
			.uri("/actuator/circuitbreakers")
			.headers(h -> h.setBearerAuth(TestTokens.withScope("supervision", "operations")))
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void malformedPathsAreRefusedWithProblemAndNeverForwarded() throws Exception {
		String token = TestTokens.forSubject("alice");
		for (String path : List.of("/api/adhesion/%2e%2e/actuator/env", "/api/adhesion/%2E%2E/x", "/api/adhesion/a%00b",
				"/api/adhesion/a%2Fb", "/api/adhesion/a%5cb", "/api/adhesion/a;jsessionid=1", "/api/adhesion/../actuator",
				"/api/adhesion//adherents", "/api/adhesion/a%252e%252e")) {
			RawHttp.Response response = RawHttp.get(port, path, "Authorization: Bearer " + token,
					"X-Correlation-Id: chemin-1");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(response.header("X-Correlation-Id")).as(path).isEqualTo("chemin-1");
			assertThat(response.body()).as(path)
				.contains("\"type\":\"" + TYPE + "requete-invalide\"", "\"title\":\"Requête invalide\"",
						"\"correlationId\":\"chemin-1\"");
		}
		assertThat(stub.hits("GET", "/actuator/env")).isZero();
		assertThat(stub.hits("GET", "/api/adhesion/a")).isZero();
	}

	@Test
	void unknownRouteIsFrenchProblem404() {
		client.get()
			.uri("/inconnu/ailleurs")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.header("X-Correlation-Id", "perdu-1")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("X-Correlation-Id", "perdu-1")
			.expectBody()
			.jsonPath("$.type").isEqualTo(TYPE + "introuvable")
			.jsonPath("$.title").isEqualTo("Ressource introuvable")
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.instance").isEqualTo("/inconnu/ailleurs")
			.jsonPath("$.correlationId").isEqualTo("perdu-1");
	}

	@Test
	void wrongMethodIsFrenchProblem405() {
		client.post()
			.uri("/actuator/health")
			.headers(h -> h.setBearerAuth(TestTokens.withRoles("admin", "ADMIN")))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists("X-Correlation-Id")
			.expectBody()
			.jsonPath("$.type").isEqualTo(TYPE + "methode-non-autorisee")
			.jsonPath("$.title").isEqualTo("Méthode non autorisée")
			.jsonPath("$.correlationId").exists();
	}

	@Test
	void uploadsHaveTheirOwnLimitOnTheRoutesThatTakeThem() {
		String token = TestTokens.forSubject("alice");
		byte[] quatreMegaOctets = new byte[4 * 1024 * 1024];
		MediaType multipart = MediaType.parseMediaType("multipart/form-data; boundary=x");
		// marche takes sealed bids: a 4 MB upload passes where 4 MB of JSON (limit 3 MB here) does not.
		client.post()
			.uri("/api/marche/televersement-4mo")
			.headers(h -> h.setBearerAuth(token))
			.contentType(multipart)
			.bodyValue(quatreMegaOctets)
			.exchange()
			.expectStatus().value(status -> assertThat(status).isNotEqualTo(413));
		assertThat(stub.hits("POST", "/api/marche/televersement-4mo")).isEqualTo(1);
		client.post()
			.uri("/api/marche/json-4mo")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(quatreMegaOctets)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		// adhesion takes none: its upload limit is the default 1 MB.
		client.post()
			.uri("/api/adhesion/televersement-4mo")
			.headers(h -> h.setBearerAuth(token))
			.contentType(multipart)
			.bodyValue(quatreMegaOctets)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stub.hits("POST", "/api/adhesion/televersement-4mo")).isZero();
	}

	@Test
	void anUploadMayLastLongerThanTheWriteTimeLimitAndIsNotASlowCall() {
		String token = TestTokens.forSubject("alice");
		MediaType multipart = MediaType.parseMediaType("multipart/form-data; boundary=x");
		// 2 s each, over the write time limit (1 s here) and the slow-call threshold (2 s, capped at 1 s):
		// as JSON writes these would be 504s and open the circuit; as uploads they all get through.
		for (int i = 0; i < 5; i++) {
			patientClient().post()
				.uri("/api/marche/televersement-lent")
				.headers(h -> h.setBearerAuth(token))
				.contentType(multipart)
				.bodyValue(new byte[1024])
				.exchange()
				.expectStatus().isCreated();
		}
		assertThat(stub.hits("POST", "/api/marche/televersement-lent")).isEqualTo(5);
		client.post()
			.uri("/api/marche/apres-televersements")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isOk();
	}

	@Test
	void bodyAboveRouteLimitIsRefused413BeforeReachingTheService() {
		String token = TestTokens.forSubject("alice");
		byte[] twoMegabytes = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(twoMegabytes, (byte) ' ');
		client.post()
			.uri("/api/adhesion/gros-declare")
			.headers(h -> h.setBearerAuth(token))
			.header("X-Correlation-Id", "gros-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(twoMegabytes)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("X-Correlation-Id", "gros-1")
			.expectBody()
			.jsonPath("$.type").isEqualTo(TYPE + "requete-trop-volumineuse")
			.jsonPath("$.title").isEqualTo("Requête trop volumineuse")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 Mo"))
			.jsonPath("$.correlationId").isEqualTo("gros-1");
		assertThat(stub.hits("POST", "/api/adhesion/gros-declare")).isZero();

		// Chunked: no Content-Length, counted while it streams.
		reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> chunks = reactor.core.publisher.Flux
			.range(0, 32)
			.map(i -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance
				.wrap(new byte[64 * 1024]));
		client.post()
			.uri("/api/adhesion/gros-en-flux")
			.headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(org.springframework.web.reactive.function.BodyInserters.fromDataBuffers(chunks))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo(TYPE + "requete-trop-volumineuse");
		assertThat(stub.hits("POST", "/api/adhesion/gros-en-flux")).isZero();

		// Below the limit, and on a route with a larger limit, the body goes through.
		client.post().uri("/api/adhesion/moyen").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[900 * 1024]).exchange()
			.expectStatus().isOk();
		client.post().uri("/api/marche/piece-jointe").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(twoMegabytes).exchange()
			.expectStatus().isOk();
	}

	@Test
	void tooLongUriAndTooLargeHeadersAreFrenchProblems() throws Exception {
		RawHttp.Response longUri = RawHttp.get(port, "/api/adhesion/" + "a".repeat(10_000));
		assertThat(longUri.status()).isEqualTo(414);
		assertThat(longUri.header("Content-Type")).startsWith("application/problem+json");
		assertThat(longUri.header("X-Correlation-Id")).matches(UUID);
		assertThat(longUri.body()).contains("\"type\":\"" + TYPE + "uri-trop-longue\"", "\"status\":414",
				"\"correlationId\":\"" + longUri.header("X-Correlation-Id") + "\"");

		RawHttp.Response largeHeaders = RawHttp.get(port, "/api/adhesion/x", "X-Remplissage: " + "b".repeat(20_000));
		assertThat(largeHeaders.status()).isEqualTo(431);
		assertThat(largeHeaders.header("Content-Type")).startsWith("application/problem+json");
		assertThat(largeHeaders.body()).contains("\"type\":\"" + TYPE + "en-tetes-trop-volumineux\"",
				"\"status\":431", "\"correlationId\"");
	}

	@Test
	void writeWhoseOutcomeIsUnknownIs504NeverTryAgain() {
		long start = System.nanoTime();
		patientClient().post()
			.uri("/api/marche/lent")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.header("X-Correlation-Id", "ecriture-lente")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"objet\":\"fournitures\"}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type").isEqualTo(TYPE + "issue-inconnue")
			.jsonPath("$.title").isEqualTo("Issue de l'opération inconnue")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail)
				.contains("a peut-être été effectuée", "vérifiez").doesNotContain("réessayez"))
			.jsonPath("$.correlationId").isEqualTo("ecriture-lente");
		// The write time limit (1 s here), not the read one (1.5 s).
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950))
			.isLessThan(Duration.ofMillis(1450));
	}

	@Test
	void locationOfCreatedResourceIsThePublicUrlAndCallerHostsAreNotForwarded() {
		client.post()
			.uri("/api/adhesion/cree")
			.headers(h -> h.setBearerAuth(TestTokens.forSubject("alice")))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "http")
			.header("Forwarded", "host=evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().valueEquals(HttpHeaders.LOCATION,
					"https://centrale.example/api/adhesion/adherents/7?vue=courte");
		assertThat(stub.lastHeader("/api/adhesion/cree", "X-Forwarded-Host")).isNull();
		assertThat(stub.lastHeader("/api/adhesion/cree", "X-Forwarded-Proto")).isNull();
		assertThat(stub.lastHeader("/api/adhesion/cree", "Forwarded")).isNull();
	}

	@Test
	void tokensWithoutOurAudienceAreRejected() {
		for (String token : List.of(TestTokens.withoutAudience("alice"), TestTokens.withAudience("autre-api", "alice"))) {
			client.get()
				.uri("/api/adhesion/audience")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo(TYPE + "authentification-requise");
		}
		assertThat(stub.hits("GET", "/api/adhesion/audience")).isZero();
	}

	@Test
	void actuatorGivesAnonymousCallersTheStatusOnlyAndTheRestToOperators() {
		client.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components").doesNotExist()
			.jsonPath("$.details").doesNotExist();
		client.get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components").doesNotExist();
		for (String path : List.of("/actuator/info", "/actuator/metrics", "/actuator/prometheus",
				"/actuator/circuitbreakers", "/actuator/circuitbreakerevents", "/actuator")) {
			client.get().uri(path).exchange().expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
			client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.forSubject("alice"))).exchange()
				.expectStatus().isForbidden()
				.expectBody().jsonPath("$.type").isEqualTo(TYPE + "acces-refuse");
			client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.withRoles("admin", "ADMIN"))).exchange()
				.expectStatus().isOk();
			client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.withScope("supervision", "operations")))
				.exchange()
				.expectStatus().isOk();
		}
		client.get().uri("/actuator/health").headers(h -> h.setBearerAuth(TestTokens.withRoles("admin", "ADMIN")))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components").exists();
	}

	@Test
	void fallbackIsNotReachableFromOutside() {
		client.get().uri("/fallback/adhesion").exchange().expectStatus().isUnauthorized();
	}

}
