package fr.centraleachat.infra.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault-injection and inspection endpoints for local runs and system tests: stop and start the Kafka
 * broker under running services, put a raw record on a topic (e.g. a poison message), read a topic or
 * a collection. Only registered with {@code centrale.infra.control.enabled=true} and only answered to
 * loopback callers sending {@value InfraControlFilter#HEADER} (see {@link InfraControlFilter}).
 */
@RestController
@RequestMapping("/control")
class InfraControlController implements DisposableBean {

    private static final int MAX_RECORDS = 10_000;

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final BackgroundKafkaBroker broker;

    private final String bootstrapServers;

    private final MongoClient mongo;

    InfraControlController(BackgroundKafkaBroker broker, String bootstrapServers, String mongoConnectionString) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.mongo = MongoClients.create(new ConnectionString(mongoConnectionString));
    }

    @GetMapping("/broker")
    Map<String, Object> broker() {
        return Map.of("running", broker.isRunning());
    }

    @PostMapping("/broker/stop")
    Map<String, Object> stopBroker() {
        long begin = System.nanoTime();
        broker.stop();
        return Map.of("running", broker.isRunning(), "millis", (System.nanoTime() - begin) / 1_000_000);
    }

    @PostMapping("/broker/start")
    Map<String, Object> startBroker() {
        long begin = System.nanoTime();
        broker.start();
        return Map.of("running", broker.isRunning(), "millis", (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * Appends the request body, as is, to {@code topic} (to {@code partition} if given, else by key);
     * headers given as {@code header=name:value}.
     */
    @PostMapping("/topics/{topic}/records")
    Map<String, Object> produce(@PathVariable String topic, @RequestParam(required = false) String key,
                                @RequestParam(required = false) Integer partition,
                                @RequestParam(name = "header", required = false) List<String> headers,
                                @RequestBody(required = false) byte[] value) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
                key != null ? key.getBytes(StandardCharsets.UTF_8) : null, value != null ? value : new byte[0]);
        if (headers != null) {
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("header must be name:value, got " + header);
                }
                record.headers().add(header.substring(0, colon),
                        header.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "embedded-infra-control"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            RecordMetadata sent = producer.send(record).get(15, TimeUnit.SECONDS);
            return Map.of("topic", sent.topic(), "partition", sent.partition(), "offset", sent.offset());
        }
    }

    /** Every record of {@code topic} from the beginning (at most {@code max}), values and headers as UTF-8 text. */
    @GetMapping("/topics/{topic}/records")
    List<Map<String, Object>> read(@PathVariable String topic, @RequestParam(defaultValue = "1000") int max) {
        int limit = Math.min(Math.max(max, 0), MAX_RECORDS);
        List<Map<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "embedded-infra-control",
                // Committed records only: what a read_committed consumer of the services would see too.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < limit && !reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (records.size() < limit) {
                        records.add(describe(record));
                    }
                }
            }
        }
        return records;
    }

    /** The documents of a collection (at most {@code max}), as relaxed extended JSON. */
    @GetMapping(path = "/mongo/{database}/{collection}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> documents(@PathVariable String database, @PathVariable String collection,
                                     @RequestParam(defaultValue = "1000") int max) {
        int limit = Math.min(Math.max(max, 0), MAX_RECORDS);
        List<String> documents = new ArrayList<>();
        for (Document document : mongo.getDatabase(database).getCollection(collection).find().limit(limit)) {
            documents.add(document.toJson(RELAXED));
        }
        return ResponseEntity.ok("[" + String.join(",", documents) + "]");
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("partition", record.partition());
        described.put("offset", record.offset());
        described.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        described.put("headers", headers);
        described.put("value", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        return described;
    }

    @Override
    public void destroy() {
        mongo.close();
    }
}
