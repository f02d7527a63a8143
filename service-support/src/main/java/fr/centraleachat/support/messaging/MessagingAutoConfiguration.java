package fr.centraleachat.support.messaging;

import fr.centraleachat.contracts.Topic;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.OutboxProperties;
import fr.centraleachat.support.outbox.OutboxRelay;
import fr.centraleachat.support.web.CorrelationId;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import fr.centraleachat.kernel.DomainException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event backbone of a service: CloudEvents producer for the outbox relay, consumers that retry with back-off
 * and send poison messages to a dead-letter topic without stopping, topics declared with their partitions at
 * start-up, and the correlation id carried from the event into the consumer's logs.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({OutboxProperties.class, MessagingProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock horloge() {
        return Clock.systemUTC();
    }

    @Bean
    FabriqueMessages fabriqueMessages(JsonMapper json, Clock horloge,
            @Value("${centrale.url-publique:" + FabriqueMessages.URL_PUBLIQUE_PAR_DEFAUT + "}") String urlPublique) {
        return new FabriqueMessages(json, horloge, urlPublique);
    }

    @Bean
    EnregistreurAvecOutbox enregistreurAvecOutbox(MongoTemplate mongo,
            org.springframework.beans.factory.ObjectProvider<OutboxRelay> relay) {
        // A write with new events wakes the relay: they go out now, not at its next poll.
        return new EnregistreurAvecOutbox(mongo, () -> relay.ifAvailable(OutboxRelay::reveiller));
    }

    @Bean
    EvenementsAppliques evenementsAppliques(MongoTemplate mongo) {
        return new EvenementsAppliques(mongo);
    }

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Fail fast when the broker is away: the relay keeps the event and retries, nothing blocks for minutes.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new CloudEventSerializer()));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate,
            OutboxProperties proprietes, MeterRegistry metriques) {
        return new OutboxRelay(mongo, cloudEventKafkaTemplate, proprietes, metriques);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> kafkaListenerContainerFactory(KafkaProperties kafka,
            DefaultErrorHandler gestionnaireErreurs) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var deserialiseur = new ErrorHandlingDeserializer<CloudEvent>(new CloudEventDeserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), deserialiseur));
        factory.setCommonErrorHandler(gestionnaireErreurs);
        factory.setRecordInterceptor(correlationDansLesLogs());
        return factory;
    }

    @Bean
    DefaultErrorHandler gestionnaireErreursKafka(KafkaProperties kafka, MessagingProperties proprietes,
            @Value("${spring.application.name}") String application) {
        String rebut = topicRebut(proprietes, application);
        Map<Class<?>, Serializer<?>> parType = new LinkedHashMap<>();
        parType.put(byte[].class, new ByteArraySerializer());
        parType.put(CloudEvent.class, new CloudEventSerializer());
        parType.put(String.class, new StringSerializer());
        @SuppressWarnings({"unchecked", "rawtypes"})
        var producteur = new DefaultKafkaProducerFactory<Object, Object>(kafka.buildProducerProperties(),
                (Serializer) new StringSerializer(), (Serializer) new DelegatingByTypeSerializer(parType, true));
        // Each failed record goes to this service's dead-letter topic, same partition count as the sources.
        var recuperateur = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producteur),
                (record, exception) -> new TopicPartition(rebut, -1));
        var backOff = new ExponentialBackOffWithMaxRetries(proprietes.tentatives());
        backOff.setInitialInterval(proprietes.premierDelai().toMillis());
        backOff.setMultiplier(2.0);
        var gestionnaire = new DefaultErrorHandler(recuperateur, backOff);
        gestionnaire.addNotRetryableExceptions(EvenementIllisibleException.class, DomainException.class);
        return gestionnaire;
    }

    /** Declares every integration topic (consumers may start before producers) and this service's DLT. */
    @Bean
    KafkaAdmin.NewTopics topicsCentrale(MessagingProperties proprietes,
            @Value("${spring.application.name}") String application) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(TopicBuilder.name(topic.nom()).partitions(Topic.PARTITIONS)
                    .replicas(proprietes.facteurReplication()).build());
        }
        topics.add(TopicBuilder.name(topicRebut(proprietes, application)).partitions(Topic.PARTITIONS)
                .replicas(proprietes.facteurReplication()).build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    static String topicRebut(MessagingProperties proprietes, String application) {
        return proprietes.topicRebut() != null ? proprietes.topicRebut() : "centrale." + application + ".dlt";
    }

    private static String texte(ConsumerRecord<?, ?> record, String entete) {
        Header valeur = record.headers().lastHeader(entete);
        return valeur == null ? "?" : new String(valeur.value(), StandardCharsets.UTF_8);
    }

    private static RecordInterceptor<String, CloudEvent> correlationDansLesLogs() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<String, CloudEvent> intercept(ConsumerRecord<String, CloudEvent> record,
                    Consumer<String, CloudEvent> consumer) {
                Header entete = record.headers().lastHeader("ce_" + CorrelationId.CE_EXTENSION);
                if (entete != null) {
                    MDC.put(CorrelationId.MDC_KEY, new String(entete.value(), StandardCharsets.UTF_8));
                }
                LOG.info("Received {} {} for {} from {}-{}@{}", texte(record, "ce_type"), texte(record, "ce_id"),
                        record.key(), record.topic(), record.partition(), record.offset());
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<String, CloudEvent> record, Consumer<String, CloudEvent> consumer) {
                MDC.remove(CorrelationId.MDC_KEY);
            }
        };
    }
}
