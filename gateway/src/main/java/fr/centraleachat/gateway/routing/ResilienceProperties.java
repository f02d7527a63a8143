package fr.centraleachat.gateway.routing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resilience settings applied to every route.
 *
 * @param timeout default time limit of a read (GET, HEAD, OPTIONS), retries included
 * @param timeouts per-service overrides of {@code timeout}, keyed by route id (adhesion, marche,
 * catalogue)
 * @param writeTimeout default time limit of a write (POST, PUT, PATCH, DELETE); when it expires the
 * outcome is unknown and the answer is 504, never 503
 * @param writeTimeouts per-service overrides of {@code writeTimeout}
 * @param uploadTimeout default time limit of an upload (a write with a multipart body), body transfer
 * included: long, since it depends on the caller's bandwidth and the size of its files
 * @param uploadTimeouts per-service overrides of {@code uploadTimeout}
 * @param retries retries of GET/HEAD requests on 502/503/504 or connection errors
 * @param firstBackoff first delay between retries, doubled on each retry
 * @param maxBackoff upper bound of the delay between retries
 * @param failureRateThreshold failure rate (percent) that opens the circuit
 * @param slowCallDurationThreshold calls slower than this count as slow (capped at the time limit)
 * @param slowCallRateThreshold slow-call rate (percent) that opens the circuit
 * @param slidingWindowSize number of calls the rates are computed on
 * @param minimumNumberOfCalls calls needed before the rates are evaluated
 * @param waitDurationInOpenState how long an open circuit rejects calls before probing again
 * @param maxConcurrentCalls in-flight calls allowed per service before answering 503
 * @param retryAfter value of the Retry-After header sent with a 503
 */
@ConfigurationProperties("centrale.resilience")
public record ResilienceProperties(@DefaultValue("5s") Duration timeout, Map<String, Duration> timeouts,
		@DefaultValue("10s") Duration writeTimeout, Map<String, Duration> writeTimeouts,
		@DefaultValue("10m") Duration uploadTimeout, Map<String, Duration> uploadTimeouts,
		@DefaultValue("2") int retries, @DefaultValue("50ms") Duration firstBackoff,
		@DefaultValue("500ms") Duration maxBackoff, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("2s") Duration slowCallDurationThreshold, @DefaultValue("50") float slowCallRateThreshold,
		@DefaultValue("10") int slidingWindowSize, @DefaultValue("4") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitDurationInOpenState, @DefaultValue("256") int maxConcurrentCalls,
		@DefaultValue("10s") Duration retryAfter) {

	public ResilienceProperties {
		timeouts = (timeouts == null) ? Map.of() : Map.copyOf(timeouts);
		writeTimeouts = (writeTimeouts == null) ? Map.of() : Map.copyOf(writeTimeouts);
		uploadTimeouts = (uploadTimeouts == null) ? Map.of() : Map.copyOf(uploadTimeouts);
	}

	public Duration timeoutOf(Backend backend) {
		return timeouts.getOrDefault(backend.id(), timeout);
	}

	public Duration writeTimeoutOf(Backend backend) {
		return writeTimeouts.getOrDefault(backend.id(), writeTimeout);
	}

	public Duration uploadTimeoutOf(Backend backend) {
		return uploadTimeouts.getOrDefault(backend.id(), uploadTimeout);
	}

}
