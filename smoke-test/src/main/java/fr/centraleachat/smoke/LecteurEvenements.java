package fr.centraleachat.smoke;

import fr.centraleachat.contracts.TypeEvenement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the integration events from Kafka as another information system would: without a consumer group, from the
 * beginning of every partition of the event's topic, until the wanted event shows up (CloudEvents binary mode: the
 * type in the {@code ce_type} header, the data as the record's value).
 */
final class LecteurEvenements {

    private final String bootstrap;
    private final JsonMapper json = JsonMapper.builder().build();

    LecteurEvenements(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The data of the first event of this type whose data matches, or empty after {@code attente}. */
    Optional<JsonNode> chercher(TypeEvenement<?> type, Predicate<JsonNode> filtre, Duration attente) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) attente.toMillis());
        try (KafkaConsumer<String, String> consommateur = new KafkaConsumer<>(config)) {
            String topic = type.topic().nom();
            List<TopicPartition> partitions = consommateur.partitionsFor(topic, attente).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consommateur.assign(partitions);
            consommateur.seekToBeginning(partitions);
            Instant limite = Instant.now().plus(attente);
            while (Instant.now().isBefore(limite)) {
                for (ConsumerRecord<String, String> record : consommateur.poll(Duration.ofMillis(500))) {
                    Header entete = record.headers().lastHeader("ce_type");
                    if (entete == null || !type.ceType().equals(new String(entete.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    JsonNode donnees = json.readTree(record.value());
                    if (filtre.test(donnees)) {
                        return Optional.of(donnees);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
