package fr.centraleachat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A metric of a process (gateway or service) read from its actuator at a fixed interval, in a thread of its own,
 * while a benchmark runs; and one-off reads. The actuator needs an operator's token (scope {@code operations}).
 */
final class Echantillonneur implements AutoCloseable {

    /** Heap in use (live and garbage not yet collected). */
    static final String TAS = "jvm.memory.used?tag=area:heap";
    /** Old generation after the last collection that cleared it: what the process really keeps. */
    static final String TAS_VIVANT = "jvm.gc.live.data.size";
    static final String TAS_MAX = "jvm.memory.max?tag=area:heap";
    /** Direct buffers ({@code ByteBuffer.allocateDirect}), where Netty keeps the bytes it relays. */
    static final String DIRECT = "jvm.buffer.memory.used?tag=id:direct";
    /** Changes if the process was restarted (e.g. after an OutOfMemoryError). */
    static final String DEMARRAGE = "process.start.time";

    record Echantillon(long nanos, double valeur) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI processus;
    private final String jeton;
    private final String metrique;
    private final Duration intervalle;
    private final List<Echantillon> echantillons = new ArrayList<>();
    private final AtomicInteger echecs = new AtomicInteger();
    private final Thread fil;
    private volatile boolean actif = true;

    Echantillonneur(URI processus, String jeton, String metrique, Duration intervalle) {
        this.processus = processus;
        this.jeton = jeton;
        this.metrique = metrique;
        this.intervalle = intervalle;
        this.fil = new Thread(this::echantillonner, "bench-sampler-" + metrique);
        this.fil.setDaemon(true);
    }

    /** Fails now, not silently later, if the actuator refuses the token or lacks the metric. */
    Echantillonneur demarrer() throws Exception {
        lire(processus, jeton, metrique);
        fil.start();
        return this;
    }

    private void echantillonner() {
        while (actif) {
            long debut = System.nanoTime();
            try {
                double valeur = lire(processus, jeton, metrique);
                synchronized (echantillons) {
                    echantillons.add(new Echantillon(debut, valeur));
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                echecs.incrementAndGet();
            }
            long reste = intervalle.toNanos() - (System.nanoTime() - debut);
            try {
                Thread.sleep(Math.max(0, reste / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A metric's value (summed over its series, e.g. the heap's pools), from {@code /actuator/metrics}. */
    static double lire(URI processus, String jeton, String metrique) throws Exception {
        HttpResponse<String> reponse = HTTP.send(HttpRequest.newBuilder(processus.resolve("/actuator/metrics/" + metrique))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + jeton).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (reponse.statusCode() != 200) {
            throw new IllegalStateException(metrique + ": actuator of " + processus + " answered "
                    + reponse.statusCode() + " " + reponse.body());
        }
        for (JsonNode mesure : JSON.readTree(reponse.body()).path("measurements")) {
            if ("VALUE".equals(mesure.path("statistic").asString())) {
                return mesure.path("value").asDouble();
            }
        }
        throw new IllegalStateException(metrique + ": no value in " + reponse.body());
    }

    /** The largest sample taken between two {@link System#nanoTime()} instants; -1 without any. */
    long maxEntre(long debut, long fin) {
        synchronized (echantillons) {
            return (long) echantillons.stream().filter(e -> e.nanos() >= debut && e.nanos() <= fin)
                    .mapToDouble(Echantillon::valeur).max().orElse(-1);
        }
    }

    /** The mean of the samples taken between two instants; -1 without any. */
    long moyenneEntre(long debut, long fin) {
        synchronized (echantillons) {
            return (long) echantillons.stream().filter(e -> e.nanos() >= debut && e.nanos() <= fin)
                    .mapToDouble(Echantillon::valeur).average().orElse(-1);
        }
    }

    int nombreEntre(long debut, long fin) {
        synchronized (echantillons) {
            return (int) echantillons.stream().filter(e -> e.nanos() >= debut && e.nanos() <= fin).count();
        }
    }

    int echecs() {
        return echecs.get();
    }

    @Override
    public void close() throws InterruptedException {
        actif = false;
        fil.interrupt();
        fil.join(2_000);
    }
}
