package fr.centraleachat.support.operations;

import fr.centraleachat.support.web.CorrelationIdFilter;
import fr.centraleachat.support.web.ProblemesHandler;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.Ordered;

/** Correlation id, problem+json errors, Kafka health, API docs and the launcher watchdog for every service. */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
public class OperationsAutoConfiguration {

    static {
        // Resolved from the token, not sent by the client: it must not appear as a parameter in the API documents.
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(fr.centraleachat.support.security.Acteur.class);
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var enregistrement = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // Before the security filters, so that 401 and 403 answers carry the id too.
        enregistrement.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return enregistrement;
    }

    @Bean
    ProblemesHandler problemesHandler() {
        return new ProblemesHandler();
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }

    /** Named so that Boot's own Mongo indicator backs off and this one reports as "mongo". */
    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnProperty("centrale.parent-pid")
    ParentProcessWatchdog parentProcessWatchdog(ConfigurableApplicationContext contexte,
            @Value("${centrale.parent-pid}") long pidParent) {
        return new ParentProcessWatchdog(contexte, pidParent);
    }

    /** Served at /v3/api-docs; "/" as server so that "try it out" goes through the gateway. */
    @Bean
    OpenAPI centraleOpenApi(@Value("${spring.application.name}") String application,
            @Value("${centrale.api.description:}") String description) {
        Components composants = new Components().addSecuritySchemes("jeton",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Jeton d'accès OAuth2 du serveur d'autorisation (audience centrale-api)"));
        DocumentationErreurs.ajouterSchema(composants);
        return new OpenAPI()
                .info(new Info().title("Centrale d'achat — " + application).version("v1").description(description))
                .servers(List.of(new Server().url("/")))
                .components(composants)
                .addSecurityItem(new SecurityRequirement().addList("jeton"));
    }

    @Bean
    org.springdoc.core.customizers.OperationCustomizer documentationErreurs() {
        return new DocumentationErreurs();
    }
}
