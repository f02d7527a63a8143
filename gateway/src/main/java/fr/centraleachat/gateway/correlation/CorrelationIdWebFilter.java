package fr.centraleachat.gateway.correlation;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id, forwards it to the services, returns it on every response
 * and writes one access log line per request.
 * <p>
 * First of all web filters so that the responses written by security (401) and by the rate limiter
 * (429) carry the header as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdWebFilter implements WebFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("fr.centraleachat.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		String id = CorrelationId.acceptOrGenerate(request.getHeaders().getFirst(CorrelationId.HEADER));
		String path = request.getPath().value();
		exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
		exchange.getAttributes().put(CorrelationId.ORIGINAL_PATH_ATTRIBUTE, path);

		ServerHttpRequest forwarded = request.mutate().headers(h -> h.set(CorrelationId.HEADER, id)).build();
		ServerWebExchange mutated = exchange.mutate().request(forwarded).build();
		ServerHttpResponse response = mutated.getResponse();
		response.getHeaders().set(CorrelationId.HEADER, id);
		// Set again at commit time: proxying may copy the service's own header or drop ours on retry.
		response.beforeCommit(() -> {
			response.getHeaders().set(CorrelationId.HEADER, id);
			return Mono.empty();
		});

		return chain.filter(mutated).doFinally(signal -> logAccess(mutated, path, start, signal));
	}

	// The correlation id reaches the line through the MDC (console pattern and ECS field).
	private static void logAccess(ServerWebExchange exchange, String path, long start, SignalType signal) {
		if (!accessLog.isInfoEnabled()) {
			return;
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String outcome = (signal == SignalType.CANCEL) ? "cancelled"
				: String.valueOf((status != null) ? status.value() : 200);
		CorrelationId.withMdc(exchange, () -> accessLog.info("{} {} {} {}ms",
				exchange.getRequest().getMethod().name(), path, outcome, millis));
	}

}
