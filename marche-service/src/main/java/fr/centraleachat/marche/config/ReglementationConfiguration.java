package fr.centraleachat.marche.config;

import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The regulatory rules as beans. Thresholds change by decree: production can point
 * {@code centrale.reglementation.seuils} at an updated file (e.g. {@code file:/etc/centrale/seuils.properties})
 * without a new release.
 */
@Configuration(proxyBeanMethods = false)
public class ReglementationConfiguration {

    @Bean
    GrilleDesSeuils grilleDesSeuils(
            @Value("${centrale.reglementation.seuils:classpath:" + GrilleDesSeuils.RESSOURCE_PAR_DEFAUT + "}") Resource seuils) {
        return charger(seuils);
    }

    @Bean
    DelaisReglementaires delaisReglementaires() {
        return new DelaisReglementaires();
    }

    /** Fails start-up on a missing or inconsistent grid: publishing with wrong thresholds would be worse. */
    static GrilleDesSeuils charger(Resource seuils) {
        if (!seuils.exists()) {
            throw new IllegalStateException("Threshold grid not found: " + seuils.getDescription());
        }
        try (Reader lecteur = new InputStreamReader(seuils.getInputStream(), StandardCharsets.UTF_8)) {
            Properties proprietes = new Properties();
            proprietes.load(lecteur);
            return GrilleDesSeuils.depuis(proprietes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the threshold grid " + seuils.getDescription(), e);
        }
    }
}
