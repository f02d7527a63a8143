package fr.centraleachat.diffusion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DiffusionApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiffusionApplication.class, args);
    }
}
