package fr.centraleachat.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stand-in for the business services and the auth server's JWKS endpoint, on a random loopback
 * port, shared by all integration tests of the JVM.
 */
public final class StubBackend {

	private static final StubBackend INSTANCE = start();

	private final HttpServer server;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

	// Released when the JVM ends so that hanging handlers do not outlive the tests.
	private volatile boolean keySetAvailable = true;

	private final CountDownLatch release = new CountDownLatch(1);

	private StubBackend(HttpServer server) {
		this.server = server;
	}

	public static StubBackend get() {
		return INSTANCE;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public int hits(String method, String path) {
		AtomicInteger count = hits.get(method + " " + path);
		return (count != null) ? count.get() : 0;
	}

	/** Simulates an auth server that is down or still starting. */
	public void keySetAvailable(boolean available) {
		this.keySetAvailable = available;
	}

	public String lastHeader(String path, String header) {
		return lastHeaders.get(path + "#" + header.toLowerCase());
	}

	/** A loopback port with nothing listening, for "service down" cases. */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static StubBackend start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "stub-backend");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			StubBackend stub = new StubBackend(server);
			server.createContext("/", stub::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				stub.release.countDown();
				server.stop(0);
			}));
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			hits.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
			exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(path + "#" + name.toLowerCase(),
					String.join(",", values)));
			String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
			if (correlationId != null) {
				// Services echo the header too: the gateway must not duplicate it.
				exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
			}
			if (path.equals("/oauth2/jwks")) {
				if (!keySetAvailable) {
					send(exchange, 503, "{}");
					return;
				}
				send(exchange, 200, new JWKSet(TestTokens.publicKey()).toString());
			}
			else if (path.startsWith("/v3/api-docs")) {
				send(exchange, 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"},\"paths\":{}}");
			}
			else if (path.endsWith("/indisponible")) {
				send(exchange, 503, "{\"title\":\"stub down\"}");
			}
			else if (path.endsWith("/cree")) {
				// A service building the link from its own address, as seen behind the gateway.
				exchange.getResponseHeaders().set("Location", baseUrl() + path.replace("/cree", "/adherents/7?vue=courte"));
				send(exchange, 201, "{\"id\":7}");
			}
			else if (path.endsWith("/televersement-lent")) {
				// An upload whose body takes a while to arrive, or a service that takes a while to store it.
				awaitRelease(2);
				send(exchange, 201, "{\"recu\":true}");
			}
			else if (path.endsWith("/lent")) {
				awaitRelease(10);
				send(exchange, 200, "{\"late\":true}");
			}
			else {
				String authorization = exchange.getRequestHeaders().getFirst("Authorization");
				send(exchange, 200, "{\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"authorization\":\""
						+ (authorization != null ? authorization : "") + "\",\"correlationId\":\""
						+ (correlationId != null ? correlationId : "") + "\"}");
			}
		}
	}

	private void awaitRelease(long seconds) {
		try {
			release.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
