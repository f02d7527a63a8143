package fr.centraleachat.bench;

import fr.centraleachat.bench.ClientApi.Reponse;
import fr.centraleachat.smoke.ConnexionOidc;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * The pull feed under load: {@code events} events published on a public topic as the services publish them
 * (binary CloudEvents, keyed by aggregate), journaled by diffusion-service, then
 * <ul>
 *   <li>a consumer reading the whole feed from the start, 1000 per page, through the gateway and straight to the
 *       service, side by side;</li>
 *   <li>a consumer following the feed live (through the gateway) while {@code rate} events/s are published for
 *       {@code live-s} seconds: end-to-end lag from the send to the read.</li>
 * </ul>
 * Every read checks that nothing is lost (each event's number seen once) and that the events of one key come in the
 * order they were sent.
 */
public final class MesureFlux {

    /** What a small run found: whether every reader got every event once per key order, and the figures. */
    public record Verification(boolean coherent, Map<String, String> resultats) {
    }

    private static final String TYPE = "fr.centraleachat.bench.EvenementSynthetique.v1";
    private static final String TOPIC = "centrale.catalogue.v1";
    private static final int CLES = 64;
    private static final String CHARGE = "x".repeat(400);

    private final ClientApi gateway;
    private final ClientApi service;
    private final URI auth;
    private final String kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> resultats = new LinkedHashMap<>();

    private MesureFlux(URI gateway, URI service, URI auth, String kafka) {
        this.gateway = new ClientApi(gateway, Duration.ofSeconds(30));
        this.service = service == null ? null : new ClientApi(service, Duration.ofSeconds(30));
        this.auth = auth;
        this.kafka = kafka;
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int evenements = Integer.parseInt(options.getOrDefault("--events", "100000"));
        int debit = Integer.parseInt(options.getOrDefault("--rate", "200"));
        int dureeLive = Integer.parseInt(options.getOrDefault("--live-s", "30"));
        String label = options.getOrDefault("--label", "feed");
        String service = options.get("--service");
        MesureFlux mesure = new MesureFlux(URI.create(options.get("--gateway")),
                service == null ? null : URI.create(service), URI.create(options.get("--auth")), options.get("--kafka"));
        return mesure.mesurer(evenements, debit, dureeLive, label);
    }

    /** The same client on a small scale, for the system tests: results only, never timing. */
    public static Verification verifierPeu(URI gateway, URI service, URI auth, String kafka, int evenements,
            int debit, int dureeLive) throws Exception {
        MesureFlux mesure = new MesureFlux(gateway, service, auth, kafka);
        int code = mesure.mesurer(evenements, debit, dureeLive, "feed-small");
        return new Verification(code == 0, Map.copyOf(mesure.resultats));
    }

    private int mesurer(int evenements, int debit, int dureeLive, String label) throws Exception {
        String jeton = jeton();
        System.out.printf(Locale.ROOT, "Publishing %d events on %s (%d keys)%n", evenements, TOPIC, CLES);
        long debut = System.nanoTime();
        try (KafkaProducer<String, byte[]> producteur = producteur()) {
            for (int n = 0; n < evenements; n++) {
                envoyer(producteur, n);
            }
            producteur.flush();
        }
        double publie = secondes(debut);
        // Journaled: the last event's number is readable from the journal (followed from the head seen before).
        Lecture attente = new Lecture(evenements);
        lire(gateway, jeton, null, attente, Duration.ofMinutes(15));
        double journalise = secondes(debut);
        resultats.put("publish_s", f(publie));
        resultats.put("journal_s", f(journalise));
        resultats.put("journal_events_per_s", f(evenements / journalise));
        resultats.put("journal_unavailable", Integer.toString(attente.indisponibles));
        System.out.printf(Locale.ROOT, "Published in %.1f s, all journaled after %.1f s (%.0f events/s)%n", publie,
                journalise, evenements / journalise);

        boolean coherent = attente.coherent();
        String fin = null;
        for (ClientApi cible : service == null ? new ClientApi[] {gateway} : new ClientApi[] {gateway, service}) {
            String nom = cible == gateway ? "gateway" : "service";
            Lecture lecture = new Lecture(evenements);
            long t0 = System.nanoTime();
            // From the journal's very start, as a new consumer would.
            fin = lire(cible, jeton(), null, lecture, Duration.ofMinutes(15));
            double s = secondes(t0);
            resultats.put(nom + "_read_events_per_s", f(evenements / s));
            resultats.put(nom + "_read_s", f(s));
            resultats.put(nom + "_lost", Integer.toString(lecture.perdus()));
            resultats.put(nom + "_out_of_order", Integer.toString(lecture.desordres));
            resultats.put(nom + "_unavailable", Integer.toString(lecture.indisponibles));
            coherent &= lecture.coherent();
            System.out.printf(Locale.ROOT, "Whole feed through %s: %d events in %.1f s (%.0f events/s), %d lost, "
                    + "%d out of order, %d pages%n", nom, evenements, s, evenements / s, lecture.perdus(),
                    lecture.desordres, lecture.pages);
        }
        if (service != null) {
            resultats.put("read_ratio", f(Double.parseDouble(resultats.get("gateway_read_events_per_s"))
                    / Double.parseDouble(resultats.get("service_read_events_per_s"))));
        }
        coherent &= suivreEnDirect(debit, dureeLive, evenements, fin);
        resultats.put("coherent", Boolean.toString(coherent));
        StringBuilder ligne = new StringBuilder(label).append(": events=").append(evenements);
        resultats.forEach((k, v) -> ligne.append(' ').append(k).append('=').append(v));
        System.out.println(ligne);
        return coherent ? 0 : 1;
    }

    /** A follower reads from the head while a producer sends {@code debit} events/s; lag = read time - send time. */
    private boolean suivreEnDirect(int debit, int dureeLive, int premier, String depart) throws Exception {
        int total = debit * dureeLive;
        String jeton = jeton();
        Lecture lecture = new Lecture(total, premier);
        Stats retard = new Stats();
        lecture.retards = retard;
        AtomicBoolean fini = new AtomicBoolean();
        Thread producteurDirect = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producteur = producteur()) {
                long t0 = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long echeance = t0 + (long) (i * 1e9 / debit);
                    long attente = echeance - System.nanoTime();
                    if (attente > 0) {
                        Thread.sleep(attente / 1_000_000, (int) (attente % 1_000_000));
                    }
                    envoyer(producteur, premier + i);
                    producteur.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                fini.set(true);
            }
        }, "live-producer");
        producteurDirect.start();
        long t0 = System.nanoTime();
        lire(gateway, jeton, depart, lecture, Duration.ofSeconds(dureeLive + 120L));
        double s = secondes(t0);
        producteurDirect.join();
        resultats.put("live_rate", Integer.toString(debit));
        resultats.put("live_events", Integer.toString(total));
        resultats.put("live_events_per_s", f(total / s));
        resultats.put("live_lag_p50_ms", Stats.format(retard.percentile(50)));
        resultats.put("live_lag_p99_ms", Stats.format(retard.percentile(99)));
        resultats.put("live_lost", Integer.toString(lecture.perdus()));
        resultats.put("live_out_of_order", Integer.toString(lecture.desordres));
        resultats.put("live_unavailable", Integer.toString(lecture.indisponibles));
        System.out.printf(Locale.ROOT, "Live at %d events/s for %d s: lag %s; %d lost, %d out of order, %d requests%n",
                debit, dureeLive, retard.summary(), lecture.perdus(), lecture.desordres, lecture.pages);
        return lecture.coherent();
    }

    /** What a reader saw of this run's events numbered [premier, premier + attendus). */
    private static final class Lecture {
        final int attendus;
        final int premier;
        final BitSet vus = new BitSet();
        final Map<String, Integer> dernierParCle = new HashMap<>();
        int doublons;
        int desordres;
        int pages;
        int indisponibles;
        Stats retards;

        Lecture(int attendus) {
            this(attendus, 0);
        }

        Lecture(int attendus, int premier) {
            this.attendus = attendus;
            this.premier = premier;
        }

        void voir(JsonNode evenement, long maintenant) {
            JsonNode donnees = evenement.path("data");
            int n = donnees.path("n").asInt();
            if (n < premier || n >= premier + attendus) {
                return;
            }
            if (vus.get(n - premier)) {
                doublons++;
            }
            vus.set(n - premier);
            String cle = evenement.path("subject").asString();
            Integer precedent = dernierParCle.put(cle, n);
            if (precedent != null && precedent > n) {
                desordres++;
            }
            if (retards != null) {
                retards.add(maintenant - donnees.path("envoyeMs").asLong());
            }
        }

        boolean complet() {
            return vus.cardinality() == attendus;
        }

        int perdus() {
            return attendus - vus.cardinality();
        }

        boolean coherent() {
            return perdus() == 0 && desordres == 0;
        }
    }

    /**
     * Follows the feed from the cursor until the reader has every event it expects, or the time runs out; answers the
     * cursor it stopped at.
     */
    private String lire(ClientApi cible, String jeton, String depart, Lecture lecture, Duration limite)
            throws Exception {
        String curseur = depart;
        String type = URLEncoder.encode(TYPE, StandardCharsets.UTF_8);
        Instant fin = Instant.now().plus(limite);
        while (!lecture.complet() && Instant.now().isBefore(fin)) {
            Reponse page = cible.call("GET", "/api/diffusion/feed?limit=1000&type=" + type
                    + (curseur == null ? "" : "&after=" + curseur), jeton, null);
            if (page.status() == 401) {
                jeton = jeton();
                continue;
            }
            if (page.status() == 503 || page.status() == 429) {
                // As a client should: wait as told, then ask again from the same cursor.
                lecture.indisponibles++;
                Thread.sleep(1000);
                continue;
            }
            ClientApi.expect(page, 200);
            lecture.pages++;
            long maintenant = System.currentTimeMillis();
            JsonNode evenements = page.json().path("evenements");
            for (JsonNode evenement : evenements) {
                if (run.equals(evenement.path("data").path("run").asString())) {
                    lecture.voir(evenement, maintenant);
                }
            }
            curseur = page.json().path("curseur").asString();
            if (evenements.isEmpty() && page.json().path("aJour").asBoolean()) {
                // At the end: a live reader asks again soon rather than after the advised Retry-After.
                Thread.sleep(20);
            }
        }
        return curseur;
    }

    private void envoyer(KafkaProducer<String, byte[]> producteur, int n) {
        String cle = "bench-" + run + "-" + (n % CLES);
        String id = UUID.randomUUID().toString();
        byte[] donnees = ("{\"run\":\"" + run + "\",\"n\":" + n + ",\"envoyeMs\":" + System.currentTimeMillis()
                + ",\"charge\":\"" + CHARGE + "\"}").getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, cle, donnees);
        record.headers().add(new RecordHeader("ce_specversion", b("1.0")));
        record.headers().add(new RecordHeader("ce_id", b(id)));
        record.headers().add(new RecordHeader("ce_source", b("/centrale-achat/bench")));
        record.headers().add(new RecordHeader("ce_type", b(TYPE)));
        record.headers().add(new RecordHeader("ce_subject", b(cle)));
        record.headers().add(new RecordHeader("ce_time", b(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(Instant.now().atOffset(ZoneOffset.UTC)))));
        record.headers().add(new RecordHeader("content-type", b("application/json")));
        producteur.send(record);
    }

    private KafkaProducer<String, byte[]> producteur() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private String jeton() throws Exception {
        return ConnexionOidc.jetonClient(auth, "systeme-externe", "systeme-externe-secret", "events:read");
    }

    private static byte[] b(String texte) {
        return texte.getBytes(StandardCharsets.UTF_8);
    }

    private static double secondes(long depuisNanos) {
        return (System.nanoTime() - depuisNanos) / 1e9;
    }

    private static String f(double valeur) {
        return String.format(Locale.ROOT, "%.1f", valeur);
    }
}
