package fr.centraleachat.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Spreads a backend's requests over its instances in turn when it has several (a comma-separated
 * {@code centrale.routes.*-uri}). The routes name the first instance; once the request URL is set from the
 * route, this filter moves it to the next instance, keeping path and query as they are. A retried read goes
 * through it again, so it may reach another instance. Backends with one instance are left alone.
 */
public class RoundRobinInstances implements GlobalFilter, Ordered {

	/** Right after the route's URI has become the request URL, before the request is sent. */
	static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

	private record Instances(List<URI> uris, AtomicInteger next) {

		URI pick() {
			return uris.get(Math.floorMod(next.getAndIncrement(), uris.size()));
		}
	}

	private final Map<String, Instances> byFirstOrigin;

	public RoundRobinInstances(List<List<URI>> backends) {
		this.byFirstOrigin = backends.stream()
			.filter(uris -> uris.size() > 1)
			.collect(Collectors.toUnmodifiableMap(uris -> origin(uris.get(0)),
					uris -> new Instances(List.copyOf(uris), new AtomicInteger()), (a, b) -> a));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
		if (url != null && !byFirstOrigin.isEmpty()) {
			Instances instances = byFirstOrigin.get(origin(url));
			if (instances != null) {
				exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, moveTo(url, instances.pick()));
			}
		}
		return chain.filter(exchange);
	}

	/** {@code url} with the scheme, host and port of {@code instance}; path and query unchanged (still encoded). */
	static URI moveTo(URI url, URI instance) {
		return UriComponentsBuilder.fromUri(url)
			.scheme(instance.getScheme())
			.host(instance.getHost())
			.port(instance.getPort())
			.build(true)
			.toUri();
	}

	static String origin(URI uri) {
		String scheme = Objects.requireNonNullElse(uri.getScheme(), "http").toLowerCase();
		int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
		return scheme + "://" + Objects.requireNonNullElse(uri.getHost(), "").toLowerCase() + ":" + port;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
