package fr.centraleachat.gateway.routing;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Routes to the business services. API paths are forwarded unchanged (the services serve them under
 * the same prefix); only the OpenAPI documents are rewritten to the services' {@code /v3/api-docs}.
 * <p>
 * Each service has a read route (GET, HEAD, OPTIONS), an upload route (other methods with a multipart
 * body) and a write route (every other request), each with its own circuit breaker: writes get their
 * own time limit, are never retried, and a write whose outcome is unknown is answered 504 rather than
 * "try again". An upload lasts as long as its body takes to arrive, which depends on the caller's
 * bandwidth and the file's size, not on the service's health: its time limit is long and its duration
 * never counts as a slow call (otherwise a few large uploads would open the circuit of every write).
 */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

	static final String API_DOCS_SUFFIX = "/v3/api-docs";

	/** Suffix of the circuit breaker (and route) of a service's writes. */
	static final String WRITES_SUFFIX = "-writes";

	/** Suffix of the circuit breaker (and route) of a service's uploads (multipart writes). */
	static final String UPLOADS_SUFFIX = "-uploads";

	/** Content types of the upload route, as a header regular expression. */
	static final String MULTIPART = "(?i)multipart/.*";

	static final HttpMethod[] READ_METHODS = { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS };

	@Bean
	RouteLocator centraleRoutes(RouteLocatorBuilder builder, RoutesProperties routes,
			ResilienceProperties resilience) {
		RouteLocatorBuilder.Builder b = builder.routes();
		for (Backend backend : Backend.values()) {
			String prefix = "/api/" + backend.id();
			String uri = routes.uriOf(backend).toString();
			BodySizeLimitFilter bodyLimit = new BodySizeLimitFilter(routes.maxBodySizeOf(backend.id()),
					routes.maxUploadSizeOf(backend.id()));
			// Lower order than the API routes, which would otherwise swallow the docs path.
			b.route(backend.id() + "-api-docs", r -> r.order(-1)
				.path(prefix + API_DOCS_SUFFIX, prefix + API_DOCS_SUFFIX + "/**")
				.filters(f -> resilient(f.filter(bodyLimit).rewritePath(prefix + API_DOCS_SUFFIX + "(?<rest>.*)",
						API_DOCS_SUFFIX + "${rest}"), backend.id(), backend, resilience))
				.uri(uri));
			b.route(backend.id(), r -> r.order(0)
				.path(prefix, prefix + "/**")
				.and()
				.method(READ_METHODS)
				.filters(f -> resilient(f.filter(bodyLimit), backend.id(), backend, resilience))
				.uri(uri));
			b.route(backend.id() + UPLOADS_SUFFIX, r -> r.order(1)
				.path(prefix, prefix + "/**")
				.and()
				.header(HttpHeaders.CONTENT_TYPE, MULTIPART)
				.filters(f -> f.filter(bodyLimit)
					.circuitBreaker(c -> c.setName(backend.id() + UPLOADS_SUFFIX)
						.setFallbackUri("forward:/fallback/" + backend.id())))
				.uri(uri));
			b.route(backend.id() + WRITES_SUFFIX, r -> r.order(2)
				.path(prefix, prefix + "/**")
				.filters(f -> f.filter(bodyLimit)
					.circuitBreaker(c -> c.setName(backend.id() + WRITES_SUFFIX)
						.setFallbackUri("forward:/fallback/" + backend.id())))
				.uri(uri));
		}
		return b.build();
	}

	/**
	 * Circuit breaker first so that its time limit covers the retries: a dead or hanging service
	 * answers 503 within the limit, whatever the number of attempts.
	 */
	private static GatewayFilterSpec resilient(GatewayFilterSpec f, String circuitBreaker, Backend backend,
			ResilienceProperties resilience) {
		return f.circuitBreaker(c -> c.setName(circuitBreaker).setFallbackUri("forward:/fallback/" + backend.id()))
			.retry(r -> idempotentRetry(r, resilience));
	}

	@SuppressWarnings("unchecked")
	private static void idempotentRetry(RetryConfig r, ResilienceProperties resilience) {
		// Only safe methods: replaying a POST could create a resource twice.
		r.setRetries(resilience.retries())
			.setMethods(HttpMethod.GET, HttpMethod.HEAD)
			.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
			.setSeries()
			.setExceptions(IOException.class, TimeoutException.class)
			.setBackoff(resilience.firstBackoff(), resilience.maxBackoff(), 2, true);
	}

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ResilienceProperties resilience) {
		// Circuit breaker ids are the route ids, so the per-service time limit is looked up here.
		return factory -> factory.configureDefault(id -> {
			Duration limit = timeLimitOf(id, resilience);
			// An upload is slow when its caller's connection is: only a time-out counts against the service.
			Duration slow = id.endsWith(UPLOADS_SUFFIX) ? limit : resilience.slowCallDurationThreshold();
			return new Resilience4JConfigBuilder(id).circuitBreakerConfig(circuitBreakerConfig(resilience, limit, slow))
				.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(limit).build())
				.build();
		});
	}

	static Duration timeLimitOf(String circuitBreaker, ResilienceProperties resilience) {
		if (circuitBreaker.endsWith(UPLOADS_SUFFIX)) {
			String id = circuitBreaker.substring(0, circuitBreaker.length() - UPLOADS_SUFFIX.length());
			return Backend.fromId(id).map(resilience::uploadTimeoutOf).orElse(resilience.uploadTimeout());
		}
		boolean writes = circuitBreaker.endsWith(WRITES_SUFFIX);
		String id = writes ? circuitBreaker.substring(0, circuitBreaker.length() - WRITES_SUFFIX.length())
				: circuitBreaker;
		Optional<Backend> backend = Backend.fromId(id);
		if (writes) {
			return backend.map(resilience::writeTimeoutOf).orElse(resilience.writeTimeout());
		}
		return backend.map(resilience::timeoutOf).orElse(resilience.timeout());
	}

	private static CircuitBreakerConfig circuitBreakerConfig(ResilienceProperties resilience, Duration timeLimit,
			Duration slow) {
		return CircuitBreakerConfig.custom()
			.failureRateThreshold(resilience.failureRateThreshold())
			// A service that answers but slowly opens the circuit too, before every caller waits the limit.
			.slowCallRateThreshold(resilience.slowCallRateThreshold())
			.slowCallDurationThreshold(slow.compareTo(timeLimit) < 0 ? slow : timeLimit)
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(resilience.slidingWindowSize())
			.minimumNumberOfCalls(resilience.minimumNumberOfCalls())
			.waitDurationInOpenState(resilience.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(3)
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			// An oversized body is the caller's fault and says nothing about the service's health.
			.ignoreException(failure -> BodyTooLargeException.findIn(failure) != null)
			.build();
	}

	/**
	 * The library default (25 concurrent calls, no wait) would turn ordinary load into 503s; the limit
	 * is raised and made configurable instead.
	 */
	@Bean
	Customizer<ReactiveResilience4jBulkheadProvider> bulkheadDefaults(ResilienceProperties resilience) {
		return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
			.bulkheadConfig(BulkheadConfig.custom()
				.maxConcurrentCalls(resilience.maxConcurrentCalls())
				.maxWaitDuration(Duration.ZERO)
				.build())
			.build());
	}

	@Bean
	RoundRobinInstances roundRobinInstances(RoutesProperties routes) {
		return new RoundRobinInstances(Arrays.stream(Backend.values()).map(routes::urisOf).toList());
	}

	@Bean
	HttpHeadersFilter dropCallerForwardedHeaders() {
		return new ForwardingHeaders.DropCallerForwardedHeaders();
	}

	@Bean
	HttpHeadersFilter publicLocation(RoutesProperties routes, PublicUrlProperties publicUrl) {
		return new ForwardingHeaders.PublicLocation(Arrays.stream(Backend.values()).flatMap(b -> routes.urisOf(b).stream()),
				publicUrl.publicUrl());
	}

}
