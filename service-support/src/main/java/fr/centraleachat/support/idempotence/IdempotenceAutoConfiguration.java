package fr.centraleachat.support.idempotence;

import fr.centraleachat.support.messaging.MessagingAutoConfiguration;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code Idempotency-Key} on every POST of a service: a client that did not get an answer (time-out, 504, lost
 * connection) sends the same request again with the same key and gets the first answer, nothing done twice.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
public class IdempotenceAutoConfiguration {

    @Bean
    MagasinIdempotence magasinIdempotence(MongoTemplate mongo, Clock horloge,
            @Value("${centrale.idempotence.duree:24h}") Duration duree,
            @Value("${centrale.idempotence.abandon:2m}") Duration abandon) {
        MagasinIdempotence magasin = new MagasinIdempotence(mongo, horloge, duree, abandon);
        magasin.creerIndex();
        return magasin;
    }

    @Bean
    FilterRegistrationBean<IdempotenceFilter> idempotenceFilter(MagasinIdempotence magasin) {
        var enregistrement = new FilterRegistrationBean<>(new IdempotenceFilter(magasin));
        // Inside the body limit (what it buffers is bounded) and the public Location rewrite (what it keeps is final).
        enregistrement.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 3);
        return enregistrement;
    }

    @Bean
    WebMvcConfigurer idempotenceInterceptor(MagasinIdempotence magasin) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // After the role check: a refused caller's body is never read here.
                registry.addInterceptor(new IdempotenceInterceptor(magasin)).order(Ordered.LOWEST_PRECEDENCE);
            }
        };
    }
}
