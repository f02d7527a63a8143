package fr.centraleachat.gateway.web;

import java.util.Locale;

import fr.centraleachat.gateway.problem.ProblemResponseWriter;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses paths that different HTTP stacks read differently, before routing or security sees them:
 * dot segments, encoded dots, slashes and backslashes, encoded control characters (including NUL),
 * double encoding, matrix parameters ({@code ;}) and empty segments. Forwarded as they are, they could
 * reach a service on another path than the one the gateway checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class MalformedPathWebFilter implements WebFilter {

	static final String DETAIL = "L'adresse demandée contient des éléments refusés : segments « . » ou « .. », "
			+ "point, barre oblique, caractère de contrôle ou « % » encodés, point-virgule, barre oblique inverse "
			+ "ou double barre oblique.";

	private final ProblemResponseWriter writer;

	public MalformedPathWebFilter(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String rawPath = exchange.getRequest().getURI().getRawPath();
		if (rawPath != null && isMalformed(rawPath)) {
			return writer.write(exchange, HttpStatus.BAD_REQUEST, "Requête invalide", DETAIL, headers -> {
			});
		}
		return chain.filter(exchange);
	}

	static boolean isMalformed(String rawPath) {
		int length = rawPath.length();
		for (int i = 0; i < length; i++) {
			char c = rawPath.charAt(i);
			if (c < 0x20 || c == 0x7f || c == ';' || c == '\\') {
				return true;
			}
			if (c == '/' && i + 1 < length && rawPath.charAt(i + 1) == '/') {
				return true;
			}
			if (c == '%') {
				if (i + 2 >= length) {
					return true;
				}
				String code = rawPath.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
				char high = code.charAt(0);
				if (high == '0' || high == '1' || code.equals("7f") || code.equals("2e") || code.equals("2f")
						|| code.equals("5c") || code.equals("25") || code.equals("3b")) {
					return true;
				}
			}
		}
		for (String segment : rawPath.split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
