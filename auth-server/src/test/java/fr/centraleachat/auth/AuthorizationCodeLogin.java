package fr.centraleachat.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the user agent of the OAuth2 authorization-code flow with PKCE against the form login, using
 * only {@link HttpClient}: authorize, login page, login form post, back to authorize, code from the
 * redirect, then the token request. Redirects are followed by hand so that the code can be read from
 * the {@code Location} header instead of being sent to the (non-existent) redirect URI.
 */
public final class AuthorizationCodeLogin {

	private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");

	private static final Pattern VALUE_ATTRIBUTE = Pattern.compile("value=\"([^\"]*)\"");

	private static final int MAX_REDIRECTS = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI issuer;

	private final String clientId;

	private final String redirectUri;

	private final String scope;

	/**
	 * @param issuer base URL of the authorization server, e.g. {@code http://localhost:9000}
	 * @param clientId public client id
	 * @param redirectUri one of the client's registered redirect URIs
	 * @param scope space-separated scopes
	 */
	public AuthorizationCodeLogin(URI issuer, String clientId, String redirectUri, String scope) {
		this.issuer = issuer;
		this.clientId = clientId;
		this.redirectUri = redirectUri;
		this.scope = scope;
	}

	/** An authorization code and the PKCE verifier needed to redeem it. */
	public record AuthorizationCode(String code, String codeVerifier) {
	}

	/** Logs in and exchanges the code: returns the token response (access_token, id_token...). */
	public Map<String, Object> tokensFor(String username, String password) throws IOException, InterruptedException {
		AuthorizationCode code = login(username, password)
			.orElseThrow(() -> new IllegalStateException("Login refused for " + username));
		HttpResponse<String> response = exchange(code);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
		});
	}

	/**
	 * Runs the browser part of the flow in a fresh session.
	 * @return the authorization code, or empty when the login form rejected the credentials
	 */
	public Optional<AuthorizationCode> login(String username, String password)
			throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = randomUrlSafe(48);
		String state = randomUrlSafe(16);
		URI authorize = this.issuer.resolve("/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id",
				this.clientId, "redirect_uri", this.redirectUri, "scope", this.scope, "state", state,
				"code_challenge", challenge(verifier), "code_challenge_method", "S256")));

		// 1. Unauthenticated authorize request: the server saves it in the session and sends us to /login.
		URI loginPage = redirectOf(send(http, get(authorize)), authorize);

		// 2. Login page: carries the CSRF token bound to the session.
		HttpResponse<String> page = send(http, get(loginPage));
		expectStatus(page, 200);
		String csrf = csrfToken(page.body());

		// 3. Credentials: success sends us back to the saved authorize request, failure to /login?error.
		HttpRequest post = HttpRequest.newBuilder(loginPage)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf))))
			.build();
		URI next = redirectOf(send(http, post), loginPage);
		if (next.getPath().equals(loginPage.getPath())) {
			return Optional.empty();
		}

		// 4. Authenticated authorize request (no consent for this client): redirect to the client with the code.
		for (int i = 0; i < MAX_REDIRECTS && !next.toString().startsWith(this.redirectUri); i++) {
			next = redirectOf(send(http, get(next)), next);
		}
		if (!next.toString().startsWith(this.redirectUri)) {
			throw new IllegalStateException("Never redirected to " + this.redirectUri + ", last: " + next);
		}
		Map<String, String> params = query(next);
		if (!state.equals(params.get("state"))) {
			throw new IllegalStateException("State mismatch in " + next);
		}
		String code = params.get("code");
		if (code == null) {
			throw new IllegalStateException("No code in " + next);
		}
		return Optional.of(new AuthorizationCode(code, verifier));
	}

	/** Redeems a code at the token endpoint as a public client. */
	public HttpResponse<String> exchange(AuthorizationCode code) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
					code.code(), "redirect_uri", this.redirectUri, "client_id", this.clientId, "code_verifier",
					code.codeVerifier()))))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest get(URI uri) {
		return HttpRequest.newBuilder(uri).GET().build();
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request)
			throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI redirectOf(HttpResponse<String> response, URI base) {
		expectStatus(response, 302);
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("Redirect without Location from " + response.uri()));
		return base.resolve(location);
	}

	private static void expectStatus(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException("Expected " + status + " from " + response.request().method() + " "
					+ response.uri() + " but got " + response.statusCode());
		}
	}

	static String csrfToken(String html) {
		Matcher input = CSRF_INPUT.matcher(html);
		if (!input.find()) {
			throw new IllegalStateException("No _csrf field in login page");
		}
		Matcher value = VALUE_ATTRIBUTE.matcher(input.group());
		if (!value.find()) {
			throw new IllegalStateException("No value on _csrf field: " + input.group());
		}
		return value.group(1);
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				String name = (eq < 0) ? pair : pair.substring(0, eq);
				String value = (eq < 0) ? "" : pair.substring(eq + 1);
				params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String randomUrlSafe(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
