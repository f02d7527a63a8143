package fr.centraleachat.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl address clients use to reach the gateway (env {@code CENTRALE_PUBLIC_URL}); the only
 * origin a {@code Location} header may carry
 */
@ConfigurationProperties("centrale")
public record PublicUrlProperties(@DefaultValue("http://localhost:8080") URI publicUrl) {
}
