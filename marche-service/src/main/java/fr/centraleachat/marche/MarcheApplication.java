package fr.centraleachat.marche;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Consultations of the centrale d'achat: preparation, publication, closing, opening of bids. */
@SpringBootApplication
@EnableScheduling
public class MarcheApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarcheApplication.class, args);
    }
}
