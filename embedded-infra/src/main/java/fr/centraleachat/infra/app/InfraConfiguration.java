package fr.centraleachat.infra.app;

import java.nio.file.Path;

import fr.centraleachat.infra.EmbeddedKafkaBroker;
import fr.centraleachat.infra.EmbeddedMongo;
import fr.centraleachat.infra.EmbeddedSmtp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Beans of the embedded infrastructure. Deliberately not annotated with {@code @Configuration}:
 * this jar is also a test dependency of the services, whose component scan must never pick it up.
 */
class InfraConfiguration {

    @Bean
    BackgroundKafkaBroker embeddedKafkaBroker(InfraProperties properties) {
        InfraProperties.Kafka kafka = properties.getKafka();
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder()
                .logDir(dataDir(properties).resolve("kafka"))
                .host(kafka.getHost())
                .advertisedHost(kafka.getAdvertisedHost())
                .port(kafka.getPort())
                .controllerPort(kafka.getControllerPort());
        return new BackgroundKafkaBroker(builder::start);
    }

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(InfraProperties properties) {
        InfraProperties.Mongo mongo = properties.getMongo();
        return EmbeddedMongo.builder()
                .file(dataDir(properties).resolve("mongo").resolve("centrale.mv"))
                .host(mongo.getHost())
                .port(mongo.getPort())
                .oplog(true)
                .start();
    }

    @Bean(destroyMethod = "close")
    EmbeddedSmtp embeddedSmtp(InfraProperties properties) {
        InfraProperties.Smtp smtp = properties.getSmtp();
        return EmbeddedSmtp.builder()
                .directory(dataDir(properties).resolve("courriels"))
                .host(smtp.getHost())
                .port(smtp.getPort())
                .start();
    }

    @Bean
    SmtpHealthIndicator smtpHealthIndicator(EmbeddedSmtp smtp) {
        return new SmtpHealthIndicator(smtp.host(), smtp.port());
    }

    /** Read-only list of the mails caught, always on (the local run's mails are meant to be read). */
    @Bean
    CourrielsController courrielsController(EmbeddedSmtp smtp) {
        return new CourrielsController(smtp.dossier());
    }

    @Bean
    FilterRegistrationBean<LocalOnlyFilter> courrielsFilter() {
        FilterRegistrationBean<LocalOnlyFilter> registration = new FilterRegistrationBean<>(new LocalOnlyFilter());
        registration.addUrlPatterns("/courriels", "/courriels/*");
        return registration;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(InfraProperties properties) {
        return new KafkaHealthIndicator(bootstrapServers(properties));
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(InfraProperties properties) {
        return new MongoHealthIndicator(mongoConnectionString(properties));
    }

    @Bean
    @ConditionalOnProperty(name = "centrale.infra.control.enabled", havingValue = "true")
    InfraControlController infraControlController(BackgroundKafkaBroker broker, InfraProperties properties) {
        return new InfraControlController(broker, bootstrapServers(properties), mongoConnectionString(properties));
    }

    @Bean
    @ConditionalOnProperty(name = "centrale.infra.control.enabled", havingValue = "true")
    FilterRegistrationBean<InfraControlFilter> infraControlFilter() {
        FilterRegistrationBean<InfraControlFilter> registration = new FilterRegistrationBean<>(new InfraControlFilter());
        registration.addUrlPatterns("/control/*");
        return registration;
    }

    @Bean
    ParentProcessWatcher parentProcessWatcher() {
        return new ParentProcessWatcher();
    }

    private static Path dataDir(InfraProperties properties) {
        return properties.getDataDir().toAbsolutePath().normalize();
    }

    private static String bootstrapServers(InfraProperties properties) {
        InfraProperties.Kafka kafka = properties.getKafka();
        String host = kafka.getAdvertisedHost() != null ? kafka.getAdvertisedHost() : clientHost(kafka.getHost());
        return host + ":" + kafka.getPort();
    }

    private static String mongoConnectionString(InfraProperties properties) {
        InfraProperties.Mongo mongo = properties.getMongo();
        return "mongodb://" + clientHost(mongo.getHost()) + ":" + mongo.getPort();
    }

    private static String clientHost(String bindHost) {
        return "0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost;
    }
}
