package fr.centraleachat.marche.it;

import fr.centraleachat.support.test.HorlogeReglable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clock of the integration tests: set at {@link ScenarioConsultations#PUBLICATION}, a Tuesday. */
@TestConfiguration(proxyBeanMethods = false)
public class HorlogeDesScenarios {

    @Bean
    HorlogeReglable horlogeReglable() {
        return new HorlogeReglable(ScenarioConsultations.PUBLICATION);
    }
}
