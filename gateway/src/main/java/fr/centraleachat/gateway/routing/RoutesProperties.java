package fr.centraleachat.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URIs of the business services behind the gateway.
 *
 * @param adhesionUri adhesion-service (env {@code CENTRALE_ROUTES_ADHESION_URI})
 * @param marcheUri marche-service (env {@code CENTRALE_ROUTES_MARCHE_URI})
 * @param catalogueUri catalogue-service (env {@code CENTRALE_ROUTES_CATALOGUE_URI})
 */
@ConfigurationProperties("centrale.routes")
public record RoutesProperties(@DefaultValue("http://localhost:8081") URI adhesionUri,
		@DefaultValue("http://localhost:8082") URI marcheUri,
		@DefaultValue("http://localhost:8083") URI catalogueUri) {

	public URI uriOf(Backend backend) {
		return switch (backend) {
			case ADHESION -> adhesionUri;
			case MARCHE -> marcheUri;
			case CATALOGUE -> catalogueUri;
		};
	}

}
