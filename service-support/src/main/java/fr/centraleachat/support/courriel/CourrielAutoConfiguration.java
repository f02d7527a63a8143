package fr.centraleachat.support.courriel;

import fr.centraleachat.support.messaging.MessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Outgoing mail: the {@link BoiteDEnvoi} is always there (it only writes to MongoDB, and does nothing at start-up),
 * the relay that sends over SMTP only where mail is configured: {@code spring.mail.host} set to a host, or
 * {@code centrale.courriel.actif=true}. A mail queued where no relay runs waits until one does.
 */
@AutoConfiguration(after = {MailSenderAutoConfiguration.class, MessagingAutoConfiguration.class})
@EnableConfigurationProperties(CourrielProperties.class)
public class CourrielAutoConfiguration {

    @Bean
    BoiteDEnvoiMongo boiteDEnvoi(MongoTemplate mongo, CourrielProperties proprietes, Clock horloge,
            ObjectProvider<RelaisCourriels> relais) {
        return new BoiteDEnvoiMongo(mongo, proprietes, horloge, () -> relais.ifAvailable(RelaisCourriels::reveiller));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(CourrielActif.class)
    static class Relais {

        @Bean
        RelaisCourriels relaisCourriels(MongoTemplate mongo, JavaMailSender expediteur, CourrielProperties proprietes,
                Clock horloge, MeterRegistry metriques) {
            return new RelaisCourriels(mongo, expediteur, proprietes, horloge, metriques);
        }
    }

    /** {@code centrale.courriel.actif} when set, else whether {@code spring.mail.host} names a host. */
    static class CourrielActif extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environnement = context.getEnvironment();
            String actif = environnement.getProperty("centrale.courriel.actif");
            if (StringUtils.hasText(actif)) {
                return Boolean.parseBoolean(actif.trim()) ? ConditionOutcome.match("centrale.courriel.actif is true")
                        : ConditionOutcome.noMatch("centrale.courriel.actif is false");
            }
            return StringUtils.hasText(environnement.getProperty("spring.mail.host"))
                    ? ConditionOutcome.match("spring.mail.host is set")
                    : ConditionOutcome.noMatch("spring.mail.host is not set");
        }
    }
}
