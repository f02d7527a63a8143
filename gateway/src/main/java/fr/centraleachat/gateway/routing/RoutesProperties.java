package fr.centraleachat.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Base URIs of the business services behind the gateway, and the request body limits of their routes.
 *
 * @param adhesionUri adhesion-service (env {@code CENTRALE_ROUTES_ADHESION_URI})
 * @param marcheUri marche-service (env {@code CENTRALE_ROUTES_MARCHE_URI})
 * @param catalogueUri catalogue-service (env {@code CENTRALE_ROUTES_CATALOGUE_URI}); several instances as a
 *     comma-separated list, which the gateway balances in turn ({@link RoundRobinInstances})
 * @param diffusionUri diffusion-service (env {@code CENTRALE_ROUTES_DIFFUSION_URI})
 * @param maxBodySize largest request body accepted on a route (JSON APIs)
 * @param maxBodySizes per-route overrides of {@code maxBodySize}, keyed by route id (e.g. an upload route)
 * @param maxUploadSize largest multipart body (file uploads) accepted on a route; services that take none keep it
 *     at {@code maxBodySize}
 * @param maxUploadSizes per-route overrides of {@code maxUploadSize}, keyed by route id
 */
@ConfigurationProperties("centrale.routes")
public record RoutesProperties(@DefaultValue("http://localhost:8081") URI adhesionUri,
		@DefaultValue("http://localhost:8082") URI marcheUri,
		@DefaultValue("http://localhost:8083") List<URI> catalogueUri,
		@DefaultValue("http://localhost:8084") URI diffusionUri, @DefaultValue("1MB") DataSize maxBodySize,
		Map<String, DataSize> maxBodySizes, @DefaultValue("1MB") DataSize maxUploadSize,
		Map<String, DataSize> maxUploadSizes) {

	public RoutesProperties {
		if (catalogueUri == null || catalogueUri.isEmpty()) {
			throw new IllegalArgumentException("centrale.routes.catalogue-uri needs at least one URI");
		}
		catalogueUri = List.copyOf(catalogueUri);
		maxBodySizes = (maxBodySizes == null) ? Map.of() : Map.copyOf(maxBodySizes);
		maxUploadSizes = (maxUploadSizes == null) ? Map.of() : Map.copyOf(maxUploadSizes);
	}

	public DataSize maxUploadSizeOf(String routeId) {
		return maxUploadSizes.getOrDefault(routeId, maxUploadSize);
	}

	/** The URI the backend's routes name: its first instance. */
	public URI uriOf(Backend backend) {
		return urisOf(backend).get(0);
	}

	/** Every instance of the backend, the first being {@link #uriOf(Backend)}. */
	public List<URI> urisOf(Backend backend) {
		return switch (backend) {
			case ADHESION -> List.of(adhesionUri);
			case MARCHE -> List.of(marcheUri);
			case CATALOGUE -> catalogueUri;
			case DIFFUSION -> List.of(diffusionUri);
		};
	}

	public DataSize maxBodySizeOf(String routeId) {
		return maxBodySizes.getOrDefault(routeId, maxBodySize);
	}

}
