package fr.centraleachat.auth;

import fr.centraleachat.auth.support.ParentProcessWatcher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Authorization server of the purchasing centre: authenticates users and clients and issues the
 * signed JWT access tokens that every other service trusts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

	public static void main(String[] args) {
		// Started before Spring so that a launcher dying during start-up still stops us.
		ParentProcessWatcher watcher = ParentProcessWatcher.startFromEnvironment(System.getenv());
		ConfigurableApplicationContext context = SpringApplication.run(AuthServerApplication.class, args);
		if (watcher != null) {
			watcher.attach(context);
		}
	}

}
