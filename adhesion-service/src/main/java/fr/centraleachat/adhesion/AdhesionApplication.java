package fr.centraleachat.adhesion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Member bodies of the centrale d'achat and their adhésion. */
@SpringBootApplication
@EnableScheduling
public class AdhesionApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdhesionApplication.class, args);
    }
}
