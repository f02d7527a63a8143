package fr.centraleachat.gateway.routing;

import java.util.Arrays;
import java.util.Optional;

/**
 * The business services reachable through the gateway. The id is the path segment after
 * {@code /api/}, the route id and the circuit breaker name.
 */
public enum Backend {

	ADHESION("adhesion", "adhesion-service", "des adhésions"),
	MARCHE("marche", "marche-service", "des marchés"),
	CATALOGUE("catalogue", "catalogue-service", "du catalogue"),
	DIFFUSION("diffusion", "diffusion-service", "de diffusion des événements");

	private final String id;

	private final String serviceName;

	private final String frenchLabel;

	Backend(String id, String serviceName, String frenchLabel) {
		this.id = id;
		this.serviceName = serviceName;
		this.frenchLabel = frenchLabel;
	}

	public String id() {
		return id;
	}

	public String serviceName() {
		return serviceName;
	}

	/** Label used in French messages, e.g. "le service des adhésions". */
	public String frenchLabel() {
		return frenchLabel;
	}

	public static Optional<Backend> fromId(String id) {
		return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
	}

}
