package fr.centraleachat.infra.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Runs Kafka, Mongo and an SMTP server (mails kept as files) for the local stack, with actuator health and metrics
 * on {@code server.port}.
 * Not a {@code @SpringBootApplication}/{@code @Configuration}: see {@link InfraConfiguration}.
 */
@EnableAutoConfiguration
@EnableConfigurationProperties(InfraProperties.class)
@Import(InfraConfiguration.class)
public class EmbeddedInfraApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(EmbeddedInfraApplication.class);
        // A dedicated config name so this jar's settings never leak into services that depend on it.
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "embedded-infra"));
        app.run(args);
    }
}
