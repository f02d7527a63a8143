package fr.centraleachat.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * API gateway of the purchasing centre: single entry point in front of the business services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		// Started before Spring so that a launcher dying during start-up still stops us.
		ParentProcessWatcher.startFromEnvironment();
		SpringApplication.run(GatewayApplication.class, args);
	}

}
