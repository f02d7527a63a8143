package fr.centraleachat.gateway.routing;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Header rules of proxying that protect the public address: what a caller says about hosts is never
 * passed on, and a {@code Location} pointing at a service is turned into the public gateway URL.
 */
final class ForwardingHeaders {

	private ForwardingHeaders() {
	}

	/**
	 * Drops {@code Forwarded} and {@code X-Forwarded-*} sent by the caller: a service building links
	 * from them would hand out a host the caller made up.
	 */
	static final class DropCallerForwardedHeaders implements HttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
			boolean present = false;
			for (String name : input.headerNames()) {
				if (isForwarded(name)) {
					present = true;
					break;
				}
			}
			if (!present) {
				return input;
			}
			HttpHeaders filtered = new HttpHeaders();
			input.forEach((name, values) -> {
				if (!isForwarded(name)) {
					filtered.addAll(name, values);
				}
			});
			return filtered;
		}

		private static boolean isForwarded(String name) {
			return name.equalsIgnoreCase("Forwarded") || name.regionMatches(true, 0, "X-Forwarded-", 0, 12);
		}

		@Override
		public boolean supports(Type type) {
			return type == Type.REQUEST;
		}

		@Override
		public int getOrder() {
			// Before the gateway's own forwarded filters, which may add trusted values.
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/** Rewrites a {@code Location} (and {@code Content-Location}) whose origin is a service. */
	static final class PublicLocation implements HttpHeadersFilter {

		private static final String[] LINK_HEADERS = { HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION };

		private final Set<String> backendOrigins;

		private final String publicBase;

		PublicLocation(Stream<URI> backends, URI publicUrl) {
			this.backendOrigins = backends.map(ForwardingHeaders::origin).collect(Collectors.toUnmodifiableSet());
			String base = publicUrl.toString();
			this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		}

		@Override
		public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
			HttpHeaders output = null;
			for (String header : LINK_HEADERS) {
				String value = input.getFirst(header);
				String rewritten = (value != null) ? rewrite(value) : null;
				if (rewritten != null) {
					if (output == null) {
						output = new HttpHeaders();
						output.putAll(input);
					}
					output.set(header, rewritten);
				}
			}
			return (output != null) ? output : input;
		}

		/** The public form of a link to a service, or null when it needs no change. */
		@Nullable String rewrite(String location) {
			URI uri;
			try {
				uri = URI.create(location.trim());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			if (!uri.isAbsolute() || uri.getRawAuthority() == null || !backendOrigins.contains(origin(uri))) {
				return null;
			}
			StringBuilder target = new StringBuilder(publicBase);
			target.append((uri.getRawPath() != null && !uri.getRawPath().isEmpty()) ? uri.getRawPath() : "/");
			if (uri.getRawQuery() != null) {
				target.append('?').append(uri.getRawQuery());
			}
			if (uri.getRawFragment() != null) {
				target.append('#').append(uri.getRawFragment());
			}
			return target.toString();
		}

		@Override
		public boolean supports(Type type) {
			return type == Type.RESPONSE;
		}

	}

	static String origin(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "http";
		int port = uri.getPort();
		if (port == -1) {
			port = "https".equals(scheme) ? 443 : 80;
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
		// localhost and 127.0.0.1 are the same service seen by two names in a local run.
		if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")) {
			host = "127.0.0.1";
		}
		return scheme + "://" + host + ":" + port;
	}

}
