package fr.centraleachat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

class RoundRobinInstancesTest {

	private final RoundRobinInstances filter = new RoundRobinInstances(List.of(
			List.of(URI.create("http://localhost:8081")),
			List.of(URI.create("http://localhost:8083"), URI.create("http://127.0.0.1:9083"))));

	private URI forward(String url) {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
		exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, URI.create(url));
		List<URI> sent = new ArrayList<>();
		GatewayFilterChain chain = e -> {
			sent.add(e.getAttribute(GATEWAY_REQUEST_URL_ATTR));
			return Mono.empty();
		};
		filter.filter(exchange, chain).block();
		return sent.get(0);
	}

	@Test
	void spreadsABackendsRequestsOverItsInstancesInTurnKeepingPathAndQuery() {
		String path = "/api/catalogue/contrats/2026-0001-L1?taille=20&q=caf%C3%A9%20noir";
		List<URI> urls = List.of(forward("http://localhost:8083" + path), forward("http://localhost:8083" + path),
				forward("http://localhost:8083" + path));
		assertThat(urls).containsExactly(URI.create("http://localhost:8083" + path),
				URI.create("http://127.0.0.1:9083" + path), URI.create("http://localhost:8083" + path));
	}

	@Test
	void leavesBackendsWithOneInstanceAlone() {
		assertThat(forward("http://localhost:8081/api/adhesion/membres")).hasToString(
				"http://localhost:8081/api/adhesion/membres");
		assertThat(forward("http://localhost:8082/api/marche/x")).hasToString("http://localhost:8082/api/marche/x");
	}

	@Test
	void readsACommaSeparatedListOfInstances() {
		RoutesProperties routes = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(java.util.Map.of(
						"centrale.routes.catalogue-uri", "http://localhost:8083,http://localhost:9083")))
			.bindOrCreate("centrale.routes", RoutesProperties.class);
		assertThat(routes.urisOf(Backend.CATALOGUE)).containsExactly(URI.create("http://localhost:8083"),
				URI.create("http://localhost:9083"));
		assertThat(routes.uriOf(Backend.CATALOGUE)).isEqualTo(URI.create("http://localhost:8083"));
		assertThat(routes.urisOf(Backend.ADHESION)).containsExactly(URI.create("http://localhost:8081"));
	}

}
