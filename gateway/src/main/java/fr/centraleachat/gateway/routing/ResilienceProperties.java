package fr.centraleachat.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resilience settings applied to every route.
 *
 * @param timeout default time limit of a call to a service, retries included
 * @param timeouts per-service overrides of {@code timeout}, keyed by route id (adhesion, marche,
 * catalogue)
 * @param retries retries of GET/HEAD requests on 502/503/504 or connection errors
 * @param firstBackoff first delay between retries, doubled on each retry
 * @param maxBackoff upper bound of the delay between retries
 * @param failureRateThreshold failure rate (percent) that opens the circuit
 * @param slidingWindowSize number of calls the failure rate is computed on
 * @param minimumNumberOfCalls calls needed before the failure rate is evaluated
 * @param waitDurationInOpenState how long an open circuit rejects calls before probing again
 * @param maxConcurrentCalls in-flight calls allowed per service before answering 503
 * @param retryAfter value of the Retry-After header sent with a 503
 */
@ConfigurationProperties("centrale.resilience")
public record ResilienceProperties(@DefaultValue("5s") Duration timeout, Map<String, Duration> timeouts,
		@DefaultValue("2") int retries, @DefaultValue("50ms") Duration firstBackoff,
		@DefaultValue("500ms") Duration maxBackoff, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitDurationInOpenState, @DefaultValue("256") int maxConcurrentCalls,
		@DefaultValue("10s") Duration retryAfter) {

	public ResilienceProperties {
		timeouts = (timeouts == null) ? Map.of() : Map.copyOf(timeouts);
	}

	public Duration timeoutOf(Backend backend) {
		return timeouts.getOrDefault(backend.id(), timeout);
	}

}
