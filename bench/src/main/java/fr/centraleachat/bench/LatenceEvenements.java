package fr.centraleachat.bench;

import static fr.centraleachat.bench.ClientApi.expect;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.smoke.ConnexionOidc;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The latency a user sees from a publication to the catalogue, next to what the same broker gives a bare
 * producer and consumer. Samples alternate (one raw, one publication) so both see the same machine load.
 *
 * <ul>
 *   <li>raw: a record sent with Kafka's default producer settings (those of the services) until a consumer
 *       already assigned to the partition polls it;</li>
 *   <li>publication: from the answer to {@code POST …/publication} (the change is committed) until
 *       {@code GET /api/catalogue/consultations-ouvertes/{id}} through the gateway answers 200, polled every
 *       {@value #POLL_MS} ms.</li>
 * </ul>
 */
final class LatenceEvenements {

    static final int POLL_MS = 5;
    private static final String TOPIC = "bench.latence";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final URI gateway;
    private final URI auth;
    private final String kafka;
    private final ClientApi api;
    private String jetonAcheteur;
    private String jetonLecteur;
    private String sirenBeneficiaire;
    private int throttled;

    private LatenceEvenements(URI gateway, URI auth, String kafka) {
        this.gateway = gateway;
        this.auth = auth;
        this.kafka = kafka;
        this.api = new ClientApi(gateway, Duration.ofSeconds(20));
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int samples = Integer.parseInt(options.getOrDefault("--samples", "40"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "5"));
        String label = options.getOrDefault("--label", "events");
        LatenceEvenements bench = new LatenceEvenements(URI.create(required(options, "--gateway")),
                URI.create(required(options, "--auth")), required(options, "--kafka"));
        return bench.measure(samples, warmup, label);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private int measure(int samples, int warmup, String label) throws Exception {
        prepareApi();
        Stats raw = new Stats();
        Stats publication = new Stats();
        try (RawKafka kafkaPath = new RawKafka(kafka)) {
            for (int i = 0; i < warmup + samples; i++) {
                double rawMs = kafkaPath.sample();
                double pubMs = publicationSample();
                if (i >= warmup) {
                    raw.add(rawMs);
                    publication.add(pubMs);
                }
                Thread.sleep(50);
            }
        }
        System.out.println("raw Kafka producer → consumer:      " + raw.summary());
        System.out.println("publication → catalogue (gateway): " + publication.summary()
                + (throttled > 0 ? " (" + throttled + " polls answered 429)" : ""));
        double ratio = publication.percentile(99) / raw.percentile(99);
        System.out.printf(java.util.Locale.ROOT, "ratio p99/p99: %.2f%n", ratio);
        System.out.println(label + ": raw_p50_ms=" + Stats.format(raw.percentile(50))
                + " raw_p99_ms=" + Stats.format(raw.percentile(99))
                + " raw_max_ms=" + Stats.format(raw.max())
                + " pub_p50_ms=" + Stats.format(publication.percentile(50))
                + " pub_p99_ms=" + Stats.format(publication.percentile(99))
                + " pub_max_ms=" + Stats.format(publication.max())
                + " samples=" + samples
                + " ratio=" + String.format(java.util.Locale.ROOT, "%.2f", ratio));
        return 0;
    }

    /** Tokens, and a beneficiary with an active adhésion: Talant's, requested and activated if need be. */
    private void prepareApi() throws Exception {
        ConnexionOidc oidc = new ConnexionOidc(auth, "centrale-web", "http://127.0.0.1:8080/callback");
        jetonAcheteur = oidc.jetonPour("acheteur", "acheteur");
        jetonLecteur = oidc.jetonPour("agent.talant", "agent.talant");
        sirenBeneficiaire = api.beneficiaireActif(jetonAcheteur, jetonLecteur, "BENCH");
    }

    private double publicationSample() throws Exception {
        Reponse dlro = call("GET", "/api/marche/reglementation/premiere-dlro?procedure=APPEL_OFFRES_OUVERT&delaiReduit=NONE&publication="
                + Instant.now().plus(Duration.ofMinutes(5)), jetonAcheteur, null);
        expect(dlro, 200);
        String dateLimite = LocalDate.parse(dlro.json().path("premiereDlro").asString()).plusDays(1)
                .atTime(LocalTime.NOON).atZone(PARIS).toOffsetDateTime().toString();
        Map<String, Object> corps = new LinkedHashMap<>();
        corps.put("objet", "Fournitures de bureau (mesure de latence)");
        corps.put("nature", "FOURNITURES");
        corps.put("cpvPrincipal", "30192000-1");
        corps.put("familleAchat", "FOURNITURES_ADMINISTRATIVES");
        corps.put("lots", List.of(Map.of("numero", 1, "intitule", "Papier", "montantEstime", 250000)));
        corps.put("criteres", List.of(
                Map.of("libelle", "Prix", "ponderation", 60, "type", "PRIX"),
                Map.of("libelle", "Valeur technique", "ponderation", 40, "type", "TECHNIQUE")));
        corps.put("dlro", dateLimite);
        corps.put("beneficiaires", List.of(sirenBeneficiaire));
        corps.put("delaiReduit", "NONE");
        Reponse creee = call("POST", "/api/marche/consultations", jetonAcheteur, api.write(corps));
        expect(creee, 201);
        String id = creee.json().path("id").asString();
        Reponse publiee = call("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null);
        long committed = System.nanoTime();
        // Right after the setup, marche-service may not have received the activation yet.
        for (int attempt = 0; publiee.status() == 400 && publiee.body().contains("beneficiaires") && attempt < 100; attempt++) {
            Thread.sleep(100);
            publiee = call("POST", "/api/marche/consultations/" + id + "/publication", jetonAcheteur, null);
            committed = System.nanoTime();
        }
        expect(publiee, 200);
        long limit = committed + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < limit) {
            Reponse lue = call("GET", "/api/catalogue/consultations-ouvertes/" + id, jetonLecteur, null);
            if (lue.status() == 200) {
                return (System.nanoTime() - committed) / 1e6;
            }
            if (lue.status() == 429) {
                throttled++;
                Thread.sleep(50);
                continue;
            }
            if (lue.status() != 404) {
                throw new IllegalStateException("catalogue answered " + lue.status() + ": " + lue.body());
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("consultation " + id + " not in the catalogue after 15 s");
    }

    private Reponse call(String method, String path, String token, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    /** A producer and a consumer on one partition of a bench topic; the consumer polls in its own thread. */
    static final class RawKafka implements AutoCloseable {

        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1024);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;
        private final TopicPartition partition = new TopicPartition(TOPIC, 0);

        RawKafka(String bootstrap) throws Exception {
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin client = Admin.create(admin)) {
                client.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            poller = new Thread(this::poll, "bench-consumer");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll() {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    arrivals.offer(now - ByteBuffer.wrap(record.value()).getLong());
                }
            }
        }

        double sample() throws Exception {
            arrivals.clear();
            byte[] sent = ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array();
            producer.send(new ProducerRecord<>(TOPIC, 0, null, sent));
            Long latency = arrivals.poll(15, TimeUnit.SECONDS);
            if (latency == null) {
                throw new IllegalStateException("raw record not received within 15 s");
            }
            return latency / 1e6;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            poller.join(2_000);
            producer.close(Duration.ofSeconds(2));
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
