package fr.centraleachat.auth.login;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser session on the login form: posts credentials and reads the page it is sent back to. */
final class FormLoginSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"");

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	FormLoginSession(URI base) {
		this.base = base;
	}

	/** The outcome of one form post: whether it logged in, and the login page shown after a refusal. */
	record Attempt(boolean loggedIn, String page) {
	}

	static Attempt attempt(URI base, String username, String password) throws IOException, InterruptedException {
		return new FormLoginSession(base).login(username, password);
	}

	Attempt login(String username, String password) throws IOException, InterruptedException {
		HttpResponse<String> page = get(this.base.resolve("/login"));
		Matcher csrf = CSRF.matcher(page.body());
		if (page.statusCode() != 200 || !csrf.find()) {
			throw new IllegalStateException("No login form: " + page.statusCode());
		}
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> posted = this.http.send(HttpRequest.newBuilder(this.base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (posted.statusCode() != 302) {
			throw new IllegalStateException("Login post answered " + posted.statusCode());
		}
		URI next = this.base.resolve(posted.headers().firstValue("Location").orElseThrow());
		if (!next.getPath().equals("/login")) {
			return new Attempt(true, null);
		}
		return new Attempt(false, get(next).body());
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
