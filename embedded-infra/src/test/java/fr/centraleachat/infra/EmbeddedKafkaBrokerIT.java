package fr.centraleachat.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "centrale.test.events";

    @TempDir
    Path tempDir;

    @Test
    void producesConsumesAndKeepsRecordsAcrossRestart() throws Exception {
        Path logDir = tempDir.resolve("kafka");
        int port = FreePorts.find();

        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logDir, port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            kafka.createTopics(1, TOPIC);
            produce(kafka.bootstrapServers(), "k1", "first");
            assertThat(consumeAll(kafka.bootstrapServers(), "group-1", 1)).containsExactly("k1=first");
        }
        assertThat(logDir.resolve("meta.properties")).exists();

        // Same directory, new controller port: the static quorum allows it and the record is still there.
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().logDir(logDir).port(port).start()) {
            assertThat(consumeAll(kafka.bootstrapServers(), "group-2", 1)).containsExactly("k1=first");
            produce(kafka.bootstrapServers(), "k2", "second");
            assertThat(consumeAll(kafka.bootstrapServers(), "group-3", 2)).containsExactly("k1=first", "k2=second");
        }
    }

    @Test
    void ephemeralBrokerDeletesItsDirectory() throws Exception {
        Path dir;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startEphemeral()) {
            dir = kafka.logDir();
            // Auto-created topic, as a service without explicit topic declaration would do.
            produce(kafka.bootstrapServers(), "k", "v");
            assertThat(consumeAll(kafka.bootstrapServers(), "g", 1)).containsExactly("k=v");
        }
        assertThat(dir).doesNotExist();
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrap, String group, int expected) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
        }
        return received;
    }
}
