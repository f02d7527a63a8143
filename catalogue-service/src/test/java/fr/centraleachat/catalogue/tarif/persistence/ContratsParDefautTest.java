package fr.centraleachat.catalogue.tarif.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import fr.centraleachat.catalogue.tarif.application.ContratsPourTarifs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The default view of the contracts steps aside as soon as the application declares its own. */
class ContratsParDefautTest {

    private final ApplicationContextRunner contexte = new ApplicationContextRunner()
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class));

    @Test
    void theCollectionIsReadWhenNothingElseProvidesTheContracts() {
        contexte.withUserConfiguration(ContratsParDefaut.class).run(c ->
                assertThat(c).getBean(ContratsPourTarifs.class).isInstanceOf(ContratsMongo.class));
    }

    @Test
    void anotherImplementationReplacesIt() {
        contexte.withUserConfiguration(AutresContrats.class, ContratsParDefaut.class).run(c -> {
            assertThat(c).hasSingleBean(ContratsPourTarifs.class);
            assertThat(c.getBean(ContratsPourTarifs.class).existe("2027-0042-L1")).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class AutresContrats {

        @Bean
        ContratsPourTarifs contratsDuCatalogue() {
            return new ContratsPourTarifs() {
                @Override
                public boolean existe(String numeroContrat) {
                    return true;
                }

                @Override
                public List<PrixBpu> prixDuBpu(String numeroContrat) {
                    return List.of();
                }
            };
        }
    }
}
